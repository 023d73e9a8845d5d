package dev.hearth.notify.email;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;
import java.util.List;

/** An email channel's block: the SMTP server and account, the sender and the recipients. */
public record EmailSettings(
        String host,
        Integer port,
        String username,
        @Secret String password,
        String from,
        List<String> to,
        Boolean starttls)
        implements Validated {
    public EmailSettings {
        host = host == null ? "" : host;
        port = port == null || port == 0 ? 587 : port;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        from = from == null ? "" : from;
        to = to == null ? List.of() : List.copyOf(to);
        starttls = starttls == null ? Boolean.TRUE : starttls;
    }

    @Override
    public void validate(Problems p) {
        p.check(!host.isEmpty(), "host", "must name the SMTP server");
        p.check(port >= 1 && port <= 65535, "port", "must be between 1 and 65535");
        p.check(from.contains("@"), "from", "must be an address");
        p.check(!to.isEmpty() && to.stream().allMatch(a -> a.contains("@")), "to", "must list at least one address");
    }
}
