package extract

import "testing"

func TestPrefixes(t *testing.T) {
	tests := []struct {
		pat  string
		want []string
	}{
		{`based in|headquartered in`, []string{"based in", "headquartered in"}},
		{`serve|serves|served`, []string{"serve"}},
		{`(?:co-)?founded by|set up by`, nil}, // an optional start has no literal
		{`a|bc`, nil},                         // too short to help
		{`invest(?:ed|s)?(?: \S+){0,6}? in|stakes? in`, []string{"invest", "stake"}},
	}
	for _, tt := range tests {
		got := prefixes(tt.pat)
		// the parser may factor alternatives; every wanted literal must be covered by a prefix
		if tt.want == nil {
			if got != nil {
				t.Errorf("prefixes(%q) = %q, want none", tt.pat, got)
			}
			continue
		}
		for _, w := range tt.want {
			ok := false
			for _, g := range got {
				if len(g) <= len(w) && w[:len(g)] == g {
					ok = true
				}
			}
			if !ok {
				t.Errorf("prefixes(%q) = %q, does not cover %q", tt.pat, got, w)
			}
		}
	}
	// the prefilter never hides a match
	p := phrase(`partner(?:ed|s)? with|signed (?:\S+ ){0,5}?agreements? with`)
	ix := newPhraseIndex(p)
	toks := tokenize("HKSTP signed two agreements with Tencent")
	low, offs := lowered(toks)
	if m := p.find(low, offs, ix.active(toks)); len(m) != 1 || low[m[0][0]:m[0][1]] != "signed two agreements with" {
		t.Errorf("signed ... with: %v", m)
	}
}
