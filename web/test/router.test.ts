import { describe, expect, it } from "vitest";
import { internalLink, match, Route } from "../src/router";

const noop = () => {};
const routes: Route[] = [
  { pattern: /^\/$/, title: "home", render: noop },
  { pattern: /^\/entities\/([^/]+)$/, title: "entity", render: noop },
];

describe("router", () => {
  it("matches paths and decodes parameters", () => {
    expect(match(routes, "/")?.route.title).toBe("home");
    const m = match(routes, "/entities/ror%3A05q8mqd91");
    expect(m?.route.title).toBe("entity");
    expect(m?.params).toEqual(["ror:05q8mqd91"]);
    expect(match(routes, "/nowhere")).toBeNull();
  });
  it("keeps only same-origin page links", () => {
    document.body.innerHTML = `<a id="a" href="/explore?type=place"><span id="in">x</span></a>
      <a id="b" href="https://ror.org/x">ror</a><a id="c" href="/api/v1/stats">api</a><a id="d" href="/x" target="_blank">new</a>`;
    const o = "http://localhost";
    expect(internalLink(document.getElementById("in"), o)).toBe("/explore?type=place");
    expect(internalLink(document.getElementById("b"), o)).toBeNull();
    expect(internalLink(document.getElementById("c"), o)).toBeNull();
    expect(internalLink(document.getElementById("d"), o)).toBeNull();
  });
});
