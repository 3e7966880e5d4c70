package extract

import (
	"regexp"
	"strings"
)

// A phraseRE matches alternative phrases on whole tokens of a lowered sentence. A phrase index
// first checks, word by word, that one of the alternatives' literal beginnings occurs in the
// sentence, which skips most expressions for most sentences.
type phraseRE struct {
	re       *regexp.Regexp // anywhere in a sentence
	anchored *regexp.Regexp // at the start of a token
	lits     []string       // when empty, the expression always runs
	id       int            // its place in the phrase index
}

// phrase compiles an alternation of phrases matched on whole tokens.
func phrase(pat string) *phraseRE {
	return &phraseRE{
		re:       regexp.MustCompile(`(?:^| )(` + pat + `)(?: |$)`),
		anchored: regexp.MustCompile(`^(` + pat + `)(?: |$)`),
		lits:     prefixes(pat),
	}
}

// each writes an alternation of each word followed by the same tail: each("a b", " in") is "a in|b in".
func each(words, tail string) string {
	var alts []string
	for _, w := range strings.Fields(words) {
		alts = append(alts, w+tail)
	}
	return strings.Join(alts, "|")
}

// find returns the matches in the lowered sentence s (whose tokens start at offs) as pairs of
// byte offsets. With a hits table from the phrase index it tries only the tokens where one of the
// expression's literal beginnings occurs.
func (p *phraseRE) find(s string, offs []int, h *hits) [][2]int {
	if h == nil || h.all[p.id] {
		var out [][2]int
		for _, m := range p.re.FindAllStringSubmatchIndex(s, -1) {
			out = append(out, [2]int{m[2], m[3]})
		}
		return out
	}
	var out [][2]int
	end := -1
	for _, t := range h.at[p.id] {
		off := offs[t]
		if off < end {
			continue
		}
		if m := p.anchored.FindStringSubmatchIndex(s[off:]); m != nil {
			out = append(out, [2]int{off + m[2], off + m[3]})
			end = off + m[3]
		}
	}
	return out
}

// hits says, per expression, whether it must run on the whole sentence or at which tokens.
type hits struct {
	all []bool
	at  [][]int
}

// A phraseIndex maps the first word of every literal beginning (or the start of a word, for
// literals of one partial word such as "collaborat") to the expressions that may match.
type phraseIndex struct {
	n      int
	maxPre int              // the longest partial-word literal
	exact  map[string][]int // a whole first word
	prefix map[string][]int // the start of a word
	always []int
}

// newPhraseIndex numbers the expressions and indexes their literal beginnings.
func newPhraseIndex(ps ...*phraseRE) *phraseIndex {
	ix := &phraseIndex{n: len(ps), exact: map[string][]int{}, prefix: map[string][]int{}}
	for i, p := range ps {
		p.id = i
		if len(p.lits) == 0 {
			ix.always = append(ix.always, i)
			continue
		}
		for _, l := range p.lits {
			if sp := strings.IndexByte(l, ' '); sp >= 0 {
				ix.exact[l[:sp]] = append(ix.exact[l[:sp]], i)
			} else {
				ix.prefix[l] = append(ix.prefix[l], i)
				if len(l) > ix.maxPre {
					ix.maxPre = len(l)
				}
			}
		}
	}
	return ix
}

// active returns, for a sentence of these tokens, where each expression may match.
func (ix *phraseIndex) active(toks []token) *hits {
	h := &hits{all: make([]bool, ix.n), at: make([][]int, ix.n)}
	for _, i := range ix.always {
		h.all[i] = true
	}
	mark := func(i, t int) {
		if n := len(h.at[i]); n == 0 || h.at[i][n-1] != t {
			h.at[i] = append(h.at[i], t)
		}
	}
	for t, tok := range toks {
		if tok.Kind != tokWord {
			continue
		}
		w := tok.Lower
		for _, i := range ix.exact[w] {
			mark(i, t)
		}
		for n := 3; n <= len(w) && n <= ix.maxPre; n++ {
			for _, i := range ix.prefix[w[:n]] {
				mark(i, t)
			}
		}
	}
	return h
}

// phraseHits returns where the relation and event phrases may match in sentence si.
func (d *doc) phraseHits(si int) *hits {
	if d.hits == nil {
		d.hits = make([]*hits, len(d.sents))
	}
	if d.hits[si] == nil {
		d.hits[si] = phrases.active(d.sents[si].Tokens)
	}
	return d.hits[si]
}

// phrases indexes the relation and event cues.
var phrases = func() *phraseIndex {
	var ps []*phraseRE
	for i := range cues {
		ps = append(ps, cues[i].re)
	}
	for i := range eventCues {
		ps = append(ps, eventCues[i].re)
	}
	return newPhraseIndex(ps...)
}()

// prefixes returns a literal every match of pat begins with, one per top-level alternative
// (at least three letters long), or nil when some alternative has none.
func prefixes(pat string) []string {
	var out []string
	depth, from := 0, 0
	for i := 0; i <= len(pat); i++ {
		if i < len(pat) {
			switch pat[i] {
			case '(':
				depth++
				continue
			case ')':
				depth--
				continue
			case '\\':
				i++
				continue
			case '|':
				if depth > 0 {
					continue
				}
			default:
				continue
			}
		}
		l := literalHead(pat[from:i])
		if len(l) < 3 {
			return nil
		}
		out = append(out, l)
		from = i + 1
	}
	return out
}

// literalHead returns the literal text at the start of a regular expression, up to its first
// operator; a character made optional by "?" is left out.
func literalHead(alt string) string {
	end := strings.IndexAny(alt, `()[]\.*+?{}|^$`)
	if end < 0 {
		return alt
	}
	if end > 0 && alt[end] == '?' {
		end-- // "stakes?": "stake"
	}
	return alt[:end]
}
