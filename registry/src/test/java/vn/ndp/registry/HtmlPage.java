package vn.ndp.registry;

import java.util.ArrayList;
import java.util.List;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.unbescape.html.HtmlEscape;

/**
 * A rendered page read as elements, with the HTML parser Thymeleaf itself uses (AttoParser), so that a test can
 * assert on one part of a page (one request in a queue, one row of a table) by its markup, not by where its text
 * happens to stand.
 */
public final class HtmlPage {

    private final INestableNode root;

    private HtmlPage(INestableNode root) {
        this.root = root;
    }

    public static HtmlPage parse(String html) {
        try {
            return new HtmlPage(new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html));
        } catch (ParseException e) {
            throw new AssertionError("The page is not HTML that can be read: " + e.getMessage(), e);
        }
    }

    /** An input's value as a browser reads it (character references resolved); empty when it has none. */
    public static String value(Element input) {
        return input.hasAttribute("value") ? HtmlEscape.unescapeHtml(input.getAttributeValue("value")) : "";
    }

    /** The values of a select's chosen options, in document order. */
    public static List<String> selected(Element select) {
        return elements(select, "option").stream().filter(o -> o.hasAttribute("selected"))
                .map(o -> o.getAttributeValue("value")).toList();
    }

    /** The page's elements named {@code name}, in document order. */
    public List<Element> elements(String name) {
        return elements(root, name);
    }

    /** The page's elements named {@code name} whose class attribute lists {@code className}. */
    public List<Element> elementsOfClass(String name, String className) {
        return elements(name).stream().filter(element -> element.hasAttribute("class")
                && List.of(element.getAttributeValue("class").split("\\s+")).contains(className)).toList();
    }

    /** The one element whose id is {@code id}; fails when there is none or more than one. */
    public Element byId(String id) {
        List<Element> found = elements(root, "*").stream()
                .filter(element -> id.equals(element.getAttributeValue("id"))).toList();
        if (found.size() != 1) {
            throw new AssertionError("Expected one element with id " + id + ", found " + found.size());
        }
        return found.getFirst();
    }

    /** The elements named {@code name} ({@code *}: any) inside {@code container}, in document order. */
    public static List<Element> elements(INestableNode container, String name) {
        List<Element> found = new ArrayList<>();
        for (INode child : container.getChildren()) {
            if (child instanceof Element element) {
                if ("*".equals(name) || element.elementNameMatches(name)) {
                    found.add(element);
                }
                found.addAll(elements(element, name));
            }
        }
        return found;
    }

    /** The texts of the elements named {@code name} inside {@code container}, in document order. */
    public static List<String> texts(INestableNode container, String name) {
        return elements(container, name).stream().map(HtmlPage::text).toList();
    }

    /** The text of {@code node} as a reader sees it: character references resolved, white space collapsed. */
    public static String text(INestableNode node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text);
        return HtmlEscape.unescapeHtml(text.toString()).replaceAll("\\s+", " ").strip();
    }

    private static void appendText(INestableNode node, StringBuilder text) {
        for (INode child : node.getChildren()) {
            if (child instanceof Text part) {
                text.append(part.getContent());
            } else if (child instanceof INestableNode nested) {
                appendText(nested, text);
            }
        }
    }
}
