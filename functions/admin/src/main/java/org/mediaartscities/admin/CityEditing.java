package org.mediaartscities.admin;

import java.time.ZoneOffset;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.City;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;

/** Adding and editing member cities: admins only. */
final class CityEditing {

  private final AdminConfig config;

  CityEditing(AdminConfig config) {
    this.config = config;
  }

  ApiResponse create(ApiRequest request) {
    Caller.from(request).requireAdmin();
    City city = CityInput.validate(JsonBody.parse(request, City.class), null, thisYear());
    if (!config.store().createCity(city)) {
      throw ApiException.conflict("slug", "The city '" + city.slug() + "' already exists.");
    }
    return ApiResponse.json(city, StoredItems.NO_CACHE).withStatus(201).withHeader("location", "/cities/"
        + city.slug());
  }

  ApiResponse update(ApiRequest request) {
    Caller.from(request).requireAdmin();
    City city = CityInput.validate(JsonBody.parse(request, City.class), request.path("slug"), thisYear());
    if (!config.store().updateCity(city)) {
      throw ApiException.notFound("No city '" + city.slug() + "'.");
    }
    return ApiResponse.json(city, StoredItems.NO_CACHE);
  }

  private int thisYear() {
    return config.clock().instant().atOffset(ZoneOffset.UTC).getYear();
  }
}
