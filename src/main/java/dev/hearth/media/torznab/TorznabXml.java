package dev.hearth.media.torznab;

import dev.hearth.platform.http.UpstreamException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads Torznab XML safely (no DTDs, no external entities) and turns its {@code <error>} into exceptions. */
final class TorznabXml {
    static final String TORZNAB_NS = "http://torznab.com/schemas/2015/feed";

    private TorznabXml() {}

    /**
     * The document, or the error it carries: codes 100–102 (wrong key, suspended account, insufficient
     * privileges) are a refusal of our credentials, every other code a failed call.
     */
    static Document parse(String upstream, byte[] body) {
        Document doc = read(upstream, body);
        Element root = doc.getDocumentElement();
        if ("error".equals(root.getLocalName())) {
            int code = parseInt(root.getAttribute("code"));
            String description = root.getAttribute("description");
            if (code >= 100 && code <= 102) {
                throw new UpstreamException.AuthFailed(
                        upstream, "refused the API key (Torznab error " + code + ": " + description + ")");
            }
            throw new UpstreamException.HttpStatus(
                    upstream, "answered Torznab error " + code + ": " + description, 200, description);
        }
        return doc;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    static String childText(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? "" : found.getFirst().getTextContent().strip();
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

    private static Document read(String upstream, byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new UpstreamException.BadResponse(upstream, "answered something that is not Torznab XML", e);
        }
    }
}
