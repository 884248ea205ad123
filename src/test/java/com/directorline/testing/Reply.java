package com.directorline.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.List;

/** An HTTP answer as the tests look at it. */
public record Reply(int status, HttpHeaders headers, String body) {

  public JsonObject json() {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  public JsonArray array() {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readArray();
    }
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  public List<String> headerValues(String name) {
    return headers.allValues(name);
  }

  public String contentType() {
    return header("Content-Type");
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
