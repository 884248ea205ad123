package com.directorline.problems.entity;

import java.util.Map;

/** Human titles and safe default details for the statuses the API answers with. */
public final class StatusTitles {

  private static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(406, "Not Acceptable"),
          Map.entry(409, "Conflict"),
          Map.entry(410, "Gone"),
          Map.entry(412, "Precondition Failed"),
          Map.entry(413, "Content Too Large"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(422, "Unprocessable Content"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(503, "Service Unavailable"));

  private static final Map<Integer, String> DETAILS =
      Map.ofEntries(
          Map.entry(400, "The request could not be understood."),
          Map.entry(401, "Sign in first: send a valid access token or session cookie."),
          Map.entry(403, "Your role does not allow this action."),
          Map.entry(404, "There is nothing at this address, or you may not see it."),
          Map.entry(405, "This address does not support that HTTP method."),
          Map.entry(406, "This address cannot answer in the media type you asked for."),
          Map.entry(413, "The request body is larger than allowed."),
          Map.entry(415, "Send the body as application/json."),
          Map.entry(431, "The request's headers together are larger than 16 KB."),
          Map.entry(
              500,
              "Something went wrong on our side. Quote the correlation id when you report it."),
          Map.entry(503, "The service is not available right now; try again shortly."));

  private StatusTitles() {}

  public static String titleOf(int status) {
    return TITLES.getOrDefault(status, status >= 500 ? "Server Error" : "Client Error");
  }

  public static String defaultDetail(int status) {
    return DETAILS.get(status);
  }
}
