package io.ticketflow.topology.ai.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1:2:3:4:5:6:7:8", "1::8", "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4", "1::", "::1"})
    void shouldAcceptIpv6Forms(String candidate) {
        assertThat(IpAddresses.isIpv6(candidate)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1:2:3:4:5:6:7", // seven groups without ::
                "1:2:3:4:5:6:7:8:9",
                "1::2::3",
                "1:2:3:4:5:6:7::8", // :: must stand for at least one group
                "12345::1",
                "10:30:45",
                "1.2.3.4::1", // an IPv4 part only at the end
                "::" // no digit at all: in ticket text, punctuation far more often than the unspecified address
            })
    void shouldRejectWhatIsNoIpv6Address(String candidate) {
        assertThat(IpAddresses.isIpv6(candidate)).isFalse();
    }
}
