package com.directorline.escalation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.problems.entity.InvalidInput;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

  /** A resolver with fixed answers: names that point inside, and one public name. */
  private static final Map<String, String> DNS =
      Map.of(
          "pager.example.com", "93.184.215.14",
          "metadata.evil.example", "169.254.169.254",
          "rebind.evil.example", "10.1.2.3",
          "v6.evil.example", "fd12:3456::1",
          "mapped.evil.example", "::ffff:127.0.0.1");

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    String address = DNS.getOrDefault(host, host);
    if (!address.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
      throw new UnknownHostException(host);
    }
    return new InetAddress[] {InetAddress.getByName(address)};
  }

  private final WebhookTargets production =
      new WebhookTargets(false, Set.of(), WebhookTargetsTest::resolve);

  @Test
  void aPublicHttpsUrlIsAllowed() {
    assertThat(production.problemWith("https://pager.example.com/hooks/alert?x=1")).isNull();
    assertThat(production.problemWith("https://93.184.215.14:8443/hook")).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://127.8.9.10/hook",
        "https://[::1]/hook",
        "https://0.0.0.0/hook",
        "https://10.0.0.5/hook",
        "https://172.16.0.1/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://100.64.0.1/hook",
        "https://[fe80::1]/hook",
        "https://[fd00::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[::ffff:a9fe:a9fe]/hook",
        "https://[64:ff9b::a9fe:a9fe]/hook",
        "https://[2002:a9fe:a9fe::1]/hook",
        // SIIT (::ffff:0:a.b.c.d), Teredo (2001::/32, a tunnel to an IPv4 host), local NAT64.
        "https://[::ffff:0:7f00:1]/hook",
        "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook",
        "https://[64:ff9b:1::808:808]/hook",
        "https://[100::1]/hook",
        "https://224.0.0.1/hook",
        "https://255.255.255.255/hook",
        "https://metadata.evil.example/hook",
        "https://rebind.evil.example/hook",
        "https://v6.evil.example/hook",
        "https://mapped.evil.example/hook"
      })
  void internalAddressesAreRefusedHoweverTheyAreWritten(String url) {
    assertThat(production.problemWith(url)).startsWith("must point to a public address");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://0x7f000001/hook",
        "https://2130706433/hook",
        "https://0177.0.0.1/hook",
        "https://127.1/hook",
        "https://0x7f.0.0.1/hook"
      })
  void numbersThatAreNotDottedDecimalAreRefused(String url) {
    assertThat(production.problemWith(url))
        .isEqualTo("must name its host by a DNS name or a dotted IPv4 address");
  }

  @Test
  void plainHttpNeedsTheDevelopmentSetting() {
    assertThat(production.problemWith("http://pager.example.com/hook"))
        .isEqualTo("must be an https URL");
    assertThat(
            new WebhookTargets(true, Set.of(), WebhookTargetsTest::resolve)
                .problemWith("http://pager.example.com/hook"))
        .isNull();
    assertThat(production.problemWith("ftp://pager.example.com/"))
        .isEqualTo("must be an https URL");
  }

  @Test
  void namedInternalAddressesMayBeReachedAndNoOthers() throws Exception {
    WebhookTargets onPremises =
        new WebhookTargets(
            false, Set.of(InetAddress.getByName("10.1.2.3")), WebhookTargetsTest::resolve);

    assertThat(onPremises.problemWith("https://rebind.evil.example/hook")).isNull();
    assertThat(onPremises.problemWith("https://10.1.2.4/hook")).isNotNull();
    assertThat(onPremises.problemWith("https://127.0.0.1/hook")).isNotNull();
  }

  @Test
  void otherBadUrlsAreNamed() {
    assertThat(production.problemWith("https://user:pw@pager.example.com/"))
        .isEqualTo("must not carry a user name or password");
    assertThat(production.problemWith("https://unknown.invalid/"))
        .isEqualTo("names a host that cannot be resolved");
    assertThat(production.problemWith("https:///nohost")).isEqualTo("must name a host");
    assertThat(production.problemWith("https://bad host/")).isEqualTo("must be a valid URL");
    assertThatThrownBy(() -> production.requireAllowed("https://127.0.0.1/"))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.problem().violations().get(0).field()).isEqualTo("url"));
  }
}
