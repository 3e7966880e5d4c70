import { describe, expect, it } from "vitest";
import { barChart, lineChart, seriesChart } from "../src/charts";

describe("charts", () => {
  it("draws one point per value, labelled", () => {
    const svg = lineChart([{ label: "2023", value: 4257 }, { label: "2024", value: 4694, note: "+10.3%" }]);
    expect(svg.match(/<circle/g)?.length).toBe(2);
    expect(svg).toContain(">2024<");
    expect(svg).toContain("+10.3%");
  });
  it("leaves out periods without a value and notes year-on-year changes", () => {
    const svg = seriesChart([{ period: "2023", value: 10 }, { period: "2024", change_percent: 7 }, { period: "2025", value: 11, yoy_percent: 10 }], "x");
    expect(svg.match(/<circle/g)?.length).toBe(2);
    expect(svg).toContain("+10%");
  });
  it("scales bars to the largest and escapes labels", () => {
    const svg = barChart([{ label: "a<b", value: 10 }, { label: "c", value: 5, href: "/search?type=c" }]);
    expect(svg).toContain("a&lt;b");
    expect(svg).toContain('href="/search?type=c"');
    const widths = [...svg.matchAll(/width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeCloseTo(2 * widths[1]);
  });
});
