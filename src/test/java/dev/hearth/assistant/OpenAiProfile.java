package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

/** {@link AssistantProfile} with the assistant on an OpenAI-compatible server, answered by {@link dev.hearth.fakes.FakeOpenAi}. */
public class OpenAiProfile extends AssistantProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ModelDoubles.class, Map.of("provider", "openai")));
    }
}
