-- Services: settings changed through PUT /api/v1/services/{name}/config, layered over hearth.yml or discovery.
-- settings is a JSON object of the changed keys (display_name, group, icon, url, check_interval, timeout).
CREATE TABLE service_settings (
    name TEXT PRIMARY KEY,
    settings TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
