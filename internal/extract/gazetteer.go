package extract

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// A lexEntry is one thing the gazetteer knows by name.
type lexEntry struct {
	Name, Type, Category string
	Aliases              []string
	Parent               string // for places: the place it lies in
	KnownID              string // set for entities from the store
}

// A gazName is one surface form of an entry.
type gazName struct {
	entry   *lexEntry
	exact   string // for all-capital forms (HK, AI): the exact text required
	anyCase bool   // sectors and multi-word lower-case forms match in any case
}

// gazetteer finds known names in token sequences, longest first.
type gazetteer struct {
	names  map[string][]gazName // key: lower-case tokens joined by single spaces
	maxLen int                  // most tokens in a name
	first  map[string]int       // the first word of names → most tokens in a name starting with it
	byName map[string]*lexEntry // canonical name (lower case) → entry
}

// newGazetteer loads the built-in lexicons and adds the known entities, which win over
// lexicon entries of the same name.
func newGazetteer(known []Known) *gazetteer {
	g := &gazetteer{names: map[string][]gazName{}, byName: map[string]*lexEntry{}, first: map[string]int{}}
	files, err := fs.Glob(lexiconFS, "lexicon/*.txt")
	if err != nil {
		panic(err) // the pattern is constant
	}
	for _, f := range files {
		entries, err := parseLexicon(f)
		if err != nil {
			panic(err) // the lexicons are compiled in and tested
		}
		for _, e := range entries {
			g.add(e)
		}
	}
	for _, k := range known {
		if k.Name == "" || k.Type == "" {
			continue
		}
		e := &lexEntry{Name: k.Name, Type: k.Type, Category: k.Category, Aliases: k.Aliases, KnownID: k.ID}
		g.add(e)
	}
	return g
}

// parseLexicon reads one embedded lexicon file.
func parseLexicon(path string) ([]*lexEntry, error) {
	f, err := lexiconFS.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*lexEntry
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		parts := strings.Split(s, "|")
		if len(parts) < 3 {
			return nil, fmt.Errorf("%s:%d: want type|category|name|aliases|parent", path, line)
		}
		for len(parts) < 5 {
			parts = append(parts, "")
		}
		e := &lexEntry{Type: parts[0], Category: parts[1], Name: parts[2], Parent: parts[4]}
		for _, a := range strings.Split(parts[3], ";") {
			if a = strings.TrimSpace(a); a != "" {
				e.Aliases = append(e.Aliases, a)
			}
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// add indexes an entry under its name and aliases. A known entity replaces a lexicon entry
// with the same surface form.
func (g *gazetteer) add(e *lexEntry) {
	if prev, ok := g.byName[strings.ToLower(e.Name)]; !ok || e.KnownID != "" && prev.KnownID == "" {
		g.byName[strings.ToLower(e.Name)] = e
	}
	for _, form := range append([]string{e.Name}, e.Aliases...) {
		toks := tokenize(normalizeText(form))
		if len(toks) == 0 {
			continue
		}
		key := tokenKey(toks)
		n := gazName{entry: e}
		switch {
		case isUpperForm(form):
			n.exact = joinTokens(toks)
		case e.Type == "sector" || !startsUpper(form):
			n.anyCase = true
		}
		list := g.names[key]
		replaced := false
		for i, old := range list {
			if old.entry.Type == e.Type && old.exact == n.exact {
				if e.KnownID != "" || old.entry.KnownID == "" && old.entry.Name == e.Name {
					list[i] = n
				}
				replaced = true
			}
		}
		if !replaced {
			list = append(list, n)
		}
		g.names[key] = list
		if len(toks) > g.maxLen {
			g.maxLen = len(toks)
		}
		f := tokenKey(toks[:1])
		if len(toks) > g.first[f] {
			g.first[f] = len(toks)
		}
	}
}

// tokenKey is the lookup key of a token sequence; British and American spellings share keys.
func tokenKey(toks []token) string {
	if len(toks) == 1 {
		if v, ok := spellings[toks[0].Lower]; ok {
			return v
		}
		return toks[0].Lower
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := t.Lower
		if v, ok := spellings[w]; ok {
			w = v
		}
		b.WriteString(w)
	}
	return b.String()
}

// spellings maps American spellings to the British ones the lexicons use.
var spellings = map[string]string{
	"center": "centre", "centers": "centres", "program": "programme", "programs": "programmes",
	"organization": "organisation", "organizations": "organisations", "defense": "defence",
	"labor": "labour", "industrialization": "industrialisation", "co-operation": "cooperation",
}

// joinTokens writes tokens with single spaces between them.
func joinTokens(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func isUpperForm(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0 && len(strings.Fields(s)) == 1
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// match returns the longest gazetteer name starting at toks[i], as its length and the names
// found (several when entries share a surface form), or 0.
func (g *gazetteer) match(toks []token, i int) (int, []gazName) {
	max := g.first[tokenKey(toks[i:i+1])]
	if len(toks)-i < max {
		max = len(toks) - i
	}
	for n := max; n >= 1; n-- {
		span := toks[i : i+n]
		if !plainSpan(span) {
			continue
		}
		list, ok := g.names[tokenKey(span)]
		if !ok {
			continue
		}
		var hits []gazName
		for _, name := range list {
			if name.fits(span) {
				hits = append(hits, name)
			}
		}
		if len(hits) > 0 {
			return n, hits
		}
	}
	return 0, nil
}

// plainSpan reports whether a span can be a name: no sentence punctuation inside it.
func plainSpan(span []token) bool {
	for j, t := range span {
		if t.Kind == tokPoss {
			return false
		}
		if t.Kind == tokPunct && (j == 0 || j == len(span)-1 || !strings.Contains(",()&+-/", t.Text)) {
			return false
		}
	}
	return true
}

// fits reports whether a surface form's case agrees with the name's.
func (n gazName) fits(span []token) bool {
	if n.exact != "" {
		return joinTokens(span) == n.exact
	}
	if n.anyCase {
		return true
	}
	first := span[0]
	return first.Cap() || first.Kind == tokNumber || isOrdinal(first)
}
