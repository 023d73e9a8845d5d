-- Monitoring: metrics history in bounded rollups and alerts. Times are epoch milliseconds.

-- One row per sample (tier 0, at the collector interval), per minute (tier 1) and per hour (tier 2).
-- Rollup rows hold averages over `samples` rows of the tier below, and the peak CPU; each tier is
-- pruned at its own retention, so the table stops growing (DESIGN.md section 6).
CREATE TABLE metric_samples (
    tier INTEGER NOT NULL,
    at BIGINT NOT NULL,
    samples INTEGER NOT NULL,
    cpu_usage DOUBLE PRECISION NOT NULL,
    cpu_max DOUBLE PRECISION NOT NULL,
    temperature DOUBLE PRECISION,
    load1 DOUBLE PRECISION NOT NULL,
    memory_usage DOUBLE PRECISION NOT NULL,
    memory_total BIGINT NOT NULL,
    memory_used BIGINT NOT NULL,
    swap_usage DOUBLE PRECISION NOT NULL,
    disk_usage DOUBLE PRECISION NOT NULL,
    disk_total BIGINT NOT NULL,
    disk_used BIGINT NOT NULL,
    disk_free BIGINT NOT NULL,
    net_rx_rate DOUBLE PRECISION NOT NULL,
    net_tx_rate DOUBLE PRECISION NOT NULL,
    net_rx_total BIGINT NOT NULL,
    net_tx_total BIGINT NOT NULL,
    PRIMARY KEY (tier, at)
);

CREATE TABLE alerts (
    id ${id},
    rule_key TEXT NOT NULL,
    level TEXT NOT NULL,
    state TEXT NOT NULL,
    source TEXT NOT NULL,
    message TEXT NOT NULL,
    details TEXT NOT NULL,
    raised_at BIGINT NOT NULL,
    acknowledged_at BIGINT,
    acknowledged_by TEXT,
    resolved_at BIGINT
);
CREATE INDEX alerts_raised_at ON alerts (raised_at);
CREATE INDEX alerts_open ON alerts (rule_key, resolved_at);
