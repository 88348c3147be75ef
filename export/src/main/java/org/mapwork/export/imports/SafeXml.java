package org.mapwork.export.imports;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;

import org.mapwork.model.json.MapFormatException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML parsers for files from outside, hardened against external entities (XXE) and entity expansion ("billion
 * laughs"): a DOCTYPE is refused outright, external entities, external DTDs and XInclude are off, secure processing
 * is on, and any attempt to resolve an entity fails. Every XML reader in Mapwork gets its parser here.
 */
public final class SafeXml {

    private SafeXml() {
    }

    /** A namespace-aware DOM parser that refuses DOCTYPEs and never reads files or the network. */
    public static DocumentBuilder documentBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setValidating(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not read (" + systemId + ")");
            });
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("this Java's XML parser cannot be hardened: " + e.getMessage(), e);
        }
    }

    /** A StAX factory (for streaming readers with line numbers) with DTDs and external entities off. */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new javax.xml.stream.XMLStreamException("external entities are not read (" + systemId + ")");
        });
        return f;
    }

    /**
     * The parser's complaint in the reader's words: a refused DOCTYPE says why instead of naming the parser's feature
     * switch; other problems keep the parser's own description of the XML, without any feature URL.
     */
    static String plain(String message) {
        String m = message == null ? "" : message;
        if (m.contains("DOCTYPE") || m.contains("disallow-doctype-decl")) {
            return "the file has a DOCTYPE (a document type declaration), which Mapwork does not read: it could make the"
                    + " reader open other files or swell to gigabytes; save the file without it";
        }
        return "not well-formed XML: " + m.replaceAll("\\s*when the feature \"[^\"]*\" (is )?set to (true|false)\\.?", "")
                .replaceAll("https?://(apache\\.org|xml\\.org|javax\\.xml)[^\\s\"]*", "").strip();
    }

    /** Parses a document, turning parse errors into a message with the file, line and column. */
    public static Document parse(String source, InputStream in) throws MapFormatException {
        try {
            return documentBuilder().parse(new InputSource(in));
        } catch (SAXParseException e) {
            throw new MapFormatException(source, "line " + e.getLineNumber() + ", column " + e.getColumnNumber(), plain(e.getMessage()), e);
        } catch (SAXException e) {
            throw new MapFormatException(source, "file", plain(e.getMessage()), e);
        } catch (IOException e) {
            throw new MapFormatException(source, "file", "cannot read: " + e.getMessage(), e);
        }
    }
}
