package dev.hearth.monitoring;

/** Gets each sample as it is taken (history, alert rules, live channels, Prometheus gauges). CDI beans; the collector finds them. */
public interface SampleConsumer {
    void accept(HostSnapshot sample);
}
