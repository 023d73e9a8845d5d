package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

/** {@link AssistantProfile} with the assistant on Anthropic's Messages API, answered by {@link dev.hearth.fakes.FakeAnthropic}. */
public class AnthropicProfile extends AssistantProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ModelDoubles.class, Map.of("provider", "anthropic")));
    }
}
