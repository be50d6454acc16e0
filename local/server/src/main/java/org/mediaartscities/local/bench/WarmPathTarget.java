package org.mediaartscities.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * One API function's warm request, as the warm-path benchmark times it: the real handler answering an event, and
 * the DynamoDB requests that handler makes for it, sent as they are through a plain client with the handler's own
 * client settings. The difference between the two is what the handler adds: routing, parsing, mapping rows to
 * records (the enhanced client), the domain's checks, the view and its JSON.
 *
 * @param event the event as the runtime receives it (JSON), parsed afresh for every invocation
 * @param raw the requests the handler sends to DynamoDB for this event, in its order
 */
record WarmPathTarget(String function, String route, RequestHandler<APIGatewayV2HTTPEvent,
    APIGatewayV2HTTPResponse> handler, byte[] event, DynamoDbClient client, List<DynamoDbRequest> raw) {

  /** Sends the raw requests; fails if a read that the handler needs finds nothing (the two would differ). */
  void sendRaw() {
    for (DynamoDbRequest request : raw) {
      switch (request) {
        case GetItemRequest get -> {
          if (!client.getItem(get).hasItem()) {
            throw new IllegalStateException(function + ": the raw GetItem found nothing at " + get.key());
          }
        }
        case QueryRequest query -> client.query(query);
        default -> throw new IllegalArgumentException("No raw call for " + request.getClass().getSimpleName());
      }
    }
  }
}
