import { describe, expect, it } from "vitest";
import { highlight } from "../src/pages/ingest";

describe("highlight", () => {
  it("marks the longest names first, whole words only, escaping the rest", () => {
    const text = "Victor Lee, CEO of Rice Robotics, met Lee <staff> in Hong Kong. Leeds is elsewhere.";
    const html = highlight(text, [
      { id: "e1", name: "Victor Lee", type: "person", aliases: ["Lee"] },
      { id: "e2", name: "Rice Robotics", type: "organization" },
      { id: "e3", name: "Hong Kong", type: "place" },
    ]);
    expect(html).toContain('<mark class="person">Victor Lee</mark>');
    expect(html).toContain('<mark class="person">Lee</mark> &lt;staff&gt;');
    expect(html).toContain('<mark class="organization">Rice Robotics</mark>');
    expect(html).not.toContain("<mark class=\"person\">Lee</mark>ds");
    expect(html.match(/<mark/g)?.length).toBe(4);
  });
});
