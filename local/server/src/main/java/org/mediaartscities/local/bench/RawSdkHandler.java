package org.mediaartscities.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.env.Env;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The cold-start benchmark's second reference: the AWS SDK alone, as every function configures it
 * ({@link AwsClients#dynamoDb()}), sending the lightest read there is (a GetItem of a key that cannot exist) and
 * answering a constant. No handler of ours can start faster than this, so its ratio to the floor is the lowest any
 * function on this stack can reach without SnapStart.
 */
public final class RawSdkHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final DynamoDbClient client = AwsClients.dynamoDb();
  private final String table = Env.required(ContentTable.NAME_VARIABLE);

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    // The request object, not the Consumer overload: the shrunk jar keeps only the methods functions call.
    boolean found = client.getItem(GetItemRequest.builder().tableName(table).key(Map.of(
        "pk", AttributeValue.fromS("raw-sdk-bench"), "sk", AttributeValue.fromS("none"))).build()).hasItem();
    return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
        .withHeaders(Map.of("content-type", "application/json")).withBody("{\"found\":" + found + "}").build();
  }
}
