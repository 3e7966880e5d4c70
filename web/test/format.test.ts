import { describe, expect, it } from "vitest";
import { esc, identifierLink, inverseName, num, pct, words } from "../src/format";

describe("format", () => {
  it("escapes HTML", () => {
    expect(esc(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    expect(esc(undefined)).toBe("");
  });
  it("formats numbers and changes", () => {
    expect(num(4694)).toBe("4,694");
    expect(num(2840000000)).toBe("2.84 billion");
    expect(num(undefined)).toBe("–");
    expect(pct(10)).toBe("+10%");
    expect(pct(-3.25)).toBe("-3.3%");
    expect(pct(undefined)).toBe("");
    expect(words("operates_in")).toBe("operates in");
    expect(inverseName("funds")).toBe("funded by");
    expect(inverseName("new_predicate")).toBe("new predicate (of)");
  });
  it("links identifiers", () => {
    expect(identifierLink("ror", "05q8mqd91")).toBe("https://ror.org/05q8mqd91");
    expect(identifierLink("wikidata", "Q15568")).toBe("https://www.wikidata.org/wiki/Q15568");
    expect(identifierLink("website", "javascript:alert(1)")).toBeNull();
  });
});
