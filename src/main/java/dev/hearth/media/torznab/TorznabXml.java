package dev.hearth.media.torznab;

import dev.hearth.platform.http.UpstreamException;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads Torznab XML safely and turns its {@code <error>} into exceptions. A streaming (StAX) read into a small tree
 * of its own rather than a DOM: the few elements a caps or search answer has need no DOM implementation, whose
 * classes would stay loaded for the whole life of a Hearth with one Torznab feed. A document with a DOCTYPE is
 * refused outright, so no entity (external or internal) is ever declared, let alone expanded.
 */
final class TorznabXml {
    static final String TORZNAB_NS = "http://torznab.com/schemas/2015/feed";

    /** One element: its local name, namespace ("" for none), attributes by local name, child elements, text. */
    record Node(String localName, String namespace, Map<String, String> attributes, List<Node> children, String text) {
        String attribute(String name) {
            return attributes.getOrDefault(name, "");
        }
    }

    private TorznabXml() {}

    /**
     * The root element, or the error it carries: codes 100–102 (wrong key, suspended account, insufficient
     * privileges) are a refusal of our credentials, every other code a failed call.
     */
    static Node parse(String upstream, byte[] body) {
        Node root = read(upstream, body);
        if ("error".equals(root.localName())) {
            int code = parseInt(root.attribute("code"));
            String description = root.attribute("description");
            if (code >= 100 && code <= 102) {
                throw new UpstreamException.AuthFailed(
                        upstream, "refused the API key (Torznab error " + code + ": " + description + ")");
            }
            throw new UpstreamException.HttpStatus(
                    upstream, "answered Torznab error " + code + ": " + description, 200, description);
        }
        return root;
    }

    static List<Node> children(Node parent, String localName) {
        List<Node> out = new ArrayList<>();
        for (Node n : parent.children()) if (localName.equals(n.localName())) out.add(n);
        return out;
    }

    static String childText(Node parent, String localName) {
        for (Node n : parent.children())
            if (localName.equals(n.localName())) return n.text().strip();
        return "";
    }

    static int parseInt(String s) {
        try {
            return s.isBlank() ? 0 : (int) Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static long parseLong(String s) {
        try {
            return s.isBlank() ? 0 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** An element being read: what it has so far. */
    private record Open(
            String localName,
            String namespace,
            Map<String, String> attributes,
            List<Node> children,
            StringBuilder text) {
        Node close() {
            return new Node(localName, namespace, Map.copyOf(attributes), List.copyOf(children), text.toString());
        }
    }

    private static Node read(String upstream, byte[] body) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new ByteArrayInputStream(body));
            Deque<Open> open = new ArrayDeque<>();
            @Nullable Node root = null;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new UpstreamException.BadResponse(
                                upstream, "answered XML with a DOCTYPE, which Torznab never needs", null);
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new HashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++)
                            attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        String ns = r.getNamespaceURI();
                        open.push(new Open(
                                r.getLocalName(),
                                ns == null ? "" : ns,
                                attributes,
                                new ArrayList<>(),
                                new StringBuilder()));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        Open current = open.peek();
                        if (current != null) current.text().append(r.getText());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Node done = open.pop().close();
                        Open parent = open.peek();
                        if (parent == null) root = done;
                        else parent.children().add(done);
                    }
                    default -> {}
                }
            }
            if (root == null) throw new XMLStreamException("no root element");
            return root;
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof UpstreamException u) throw u;
            throw new UpstreamException.BadResponse(upstream, "answered something that is not Torznab XML", e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing is left to release of a byte array
                }
            }
        }
    }
}
