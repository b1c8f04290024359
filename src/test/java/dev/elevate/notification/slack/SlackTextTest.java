package dev.elevate.notification.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void mrkdwn_defusesMentionsAndLinks() {
        assertThat(SlackText.mrkdwn("<!channel> see <https://evil.example|docs> & more"))
                .isEqualTo("&lt;!channel&gt; see &lt;https://evil.example|docs&gt; &amp; more");
    }

    @Test
    void mrkdwn_ofNull_isEmpty() {
        assertThat(SlackText.mrkdwn(null)).isEmpty();
    }
}
