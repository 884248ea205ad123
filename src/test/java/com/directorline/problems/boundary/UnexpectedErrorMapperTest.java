package com.directorline.problems.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnexpectedErrorMapperTest {

  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final Logger logger = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @BeforeEach
  void captureLog() {
    logger.addHandler(capture);
    logger.setUseParentHandlers(false);
  }

  @AfterEach
  void releaseLog() {
    logger.removeHandler(capture);
    logger.setUseParentHandlers(true);
  }

  /** A request that only knows its attributes and headers, which is all the mapper reads. */
  static HttpServletRequest request(Map<String, String> headers) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "getHeader" -> headers.get((String) args[0]);
                  default -> null;
                });
  }

  @Test
  void aFiveHundredCarriesOnlyTheCorrelationIdWhichTheLogAlsoNames() {
    UnexpectedErrorMapper mapper = new UnexpectedErrorMapper();
    mapper.request = request(Map.of("X-Correlation-Id", "corr-1234-abcd"));

    Response response =
        mapper.toResponse(new IllegalStateException("patient Jane Doe, MRN 4711, broke it"));

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    String body = (String) response.getEntity();
    var problem = Json.createReader(new StringReader(body)).readObject();
    assertThat(problem.getString("correlationId")).isEqualTo("corr-1234-abcd");
    assertThat(problem.getString("instance")).isEqualTo("urn:uuid:corr-1234-abcd");
    assertThat(body).doesNotContain("Jane", "4711", "IllegalStateException", "\tat ");
    assertThat(logged)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getMessage()).contains("corr-1234-abcd");
              assertThat(record.getThrown().getMessage())
                  .contains("IllegalStateException")
                  .doesNotContain("Jane");
              assertThat(record.getThrown().getStackTrace()).isNotEmpty();
            });
  }
}
