package resolve

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hkin/hkin/internal/model"
)

// Default thresholds of a score.
const (
	// Threshold is the score from which two entities are taken to be one.
	Threshold = 0.85
	// ReviewFloor is the score from which a pair is shown for a person to confirm.
	ReviewFloor = 0.6
)

// Match is a candidate entity with its score and the features that made it.
type Match struct {
	ID       string   `json:"id"`
	Name     string   `json:"name,omitempty"`
	Score    float64  `json:"score"`
	Features []string `json:"features"`
}

// Reason says which features matched, for a merge's record ("name; identifier ror:...").
func (m Match) Reason() string { return strings.Join(m.Features, "; ") }

// Profile is what scoring needs of an entity, computed once: its names in every folded form.
type Profile struct {
	ID, Type, Category string
	Name               string
	Identifiers        map[string]string
	Aliases            []model.Alias
	norms              []string        // model.NormName of each name
	keys               []string        // Key of each name
	acronymNames       []string        // names written as acronyms, normalised
	acronyms           map[string]bool // acronyms computed from the names
	tokens             [][]string      // Tokens of each name
	han                []bool          // whether each key is Chinese
}

// NewProfile computes an entity's profile.
func NewProfile(e model.Entity) *Profile {
	p := &Profile{ID: e.ID, Type: e.Type, Category: e.Category, Name: e.Name, Identifiers: e.Identifiers,
		Aliases: e.Aliases, acronyms: map[string]bool{}}
	seenNorm, seenKey := map[string]bool{}, map[string]bool{}
	add := func(value, kind string) {
		norm := model.NormName(value)
		if norm == "" || seenNorm[norm] {
			return
		}
		seenNorm[norm] = true
		p.norms = append(p.norms, norm)
		if kind == "acronym" || LooksLikeAcronym(value) {
			p.acronymNames = append(p.acronymNames, strings.ReplaceAll(norm, " ", ""))
		}
		for _, a := range Acronyms(value) {
			p.acronyms[a] = true
		}
		k := Key(value)
		if k == "" || seenKey[k] {
			return
		}
		seenKey[k] = true
		p.keys = append(p.keys, k)
		p.tokens = append(p.tokens, Tokens(value))
		p.han = append(p.han, HasHan(k))
	}
	add(e.Name, "")
	for _, a := range e.Aliases {
		add(a.Value, a.Kind)
	}
	return p
}

// Keys returns the keys of the profile's names.
func (p *Profile) Keys() []string { return p.keys }

// strong reports whether an identifier scheme names one entity only. A website may be shared
// by an organisation and its units, so it only adds to a score.
func strong(scheme string) bool { return scheme != "website" }

// Score compares two entities and says how sure it is that they are one, from 0 to 1, with
// the features that matched. Entities of different types, places of different categories
// that share no identifier, or entities holding different values of one identifier scheme,
// score 0.
func Score(a, b *Profile) Match {
	m := Match{ID: b.ID, Name: b.Name}
	if a.Type != b.Type {
		return m
	}
	for scheme, v := range a.Identifiers {
		w, ok := b.Identifiers[scheme]
		if !ok || !strong(scheme) {
			continue
		}
		if v != w {
			return m // two different ROR records, say, are two organisations
		}
		m.Score = 1
		m.Features = append(m.Features, "identifier "+scheme+":"+v)
	}
	if m.Score == 1 {
		return m
	}
	s, feature := nameScore(a, b)
	if s == 0 {
		return m
	}
	m.Score = s
	m.Features = append(m.Features, feature)
	if wa, wb := a.Identifiers["website"], b.Identifiers["website"]; wa != "" && Website(wa) == Website(wb) {
		m.Score = min(1, m.Score+0.1)
		m.Features = append(m.Features, "website")
	}
	if a.Category != "" && b.Category != "" && a.Category != b.Category {
		penalty := 0.05
		if a.Type == model.Place {
			penalty = 0.1 // a city is not the country of the same name
		}
		m.Score -= penalty
		m.Features = append(m.Features, "category differs")
	}
	m.Score = max(0, round(m.Score))
	return m
}

func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// nameScore is the best agreement between any name of a and any name of b.
func nameScore(a, b *Profile) (float64, string) {
	for _, x := range a.norms {
		for _, y := range b.norms {
			if x == y {
				return 1, "name"
			}
		}
	}
	for i, x := range a.keys {
		for _, y := range b.keys {
			if x == y {
				if a.han[i] {
					return 0.95, "name across Chinese scripts"
				}
				return 0.95, "normalised name"
			}
		}
	}
	score, feature := 0.0, ""
	for i, x := range a.tokens {
		for j, y := range b.tokens {
			if a.han[i] != b.han[j] {
				continue
			}
			if d := 0.9 * dice(x, y); d > score {
				score, feature = d, fmt.Sprintf("similar name (%.2f)", d/0.9)
			}
		}
	}
	if score < 0.45 {
		score, feature = 0, ""
	}
	const acronym = 0.8
	if score < acronym {
		for _, x := range a.acronymNames {
			if b.acronyms[x] {
				return acronym, "acronym " + strings.ToUpper(x)
			}
		}
		for _, y := range b.acronymNames {
			if a.acronyms[y] {
				return acronym, "acronym " + strings.ToUpper(y)
			}
		}
	}
	return score, feature
}

// dice is the weighted Dice overlap of two token lists; tokens of five letters or more that are
// one edit apart count as the same (a typo).
func dice(a, b []string) float64 {
	var wa, wb, common float64
	distinctive, all := false, len(a) == len(b)
	used := make([]bool, len(b))
	for _, t := range b {
		wb += wordWeight(t)
	}
	for _, t := range a {
		w := wordWeight(t)
		wa += w
		found := false
		for j, u := range b {
			if !used[j] && (t == u || len(t) >= 5 && len(u) >= 5 && OneEdit(t, u)) {
				used[j], found = true, true
				common += (w + wordWeight(u)) / 2
				distinctive = distinctive || w >= 0.5
				break
			}
		}
		if !found && w > 0 {
			all = false
		}
	}
	if wa+wb == 0 {
		return 0
	}
	d := 2 * common / (wa + wb)
	if !distinctive && !all {
		// names that share only common words (Hong Kong ... University) differ in what matters
		d /= 2
	}
	return d
}

// OneEdit reports whether a and b are at most one inserted, deleted, replaced or swapped letter
// apart.
func OneEdit(a, b string) bool {
	if d := len(a) - len(b); d > utf8.UTFMax || d < -utf8.UTFMax {
		return false
	}
	if ascii(a) && ascii(b) {
		return oneEditBytes(a, b)
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 0:
		var diffs []int
		for i := range ra {
			if ra[i] != rb[i] {
				if diffs = append(diffs, i); len(diffs) > 2 {
					return false
				}
			}
		}
		switch len(diffs) {
		case 0, 1:
			return true
		case 2: // two neighbours swapped
			i, j := diffs[0], diffs[1]
			return j == i+1 && ra[i] == rb[j] && ra[j] == rb[i]
		}
		return false
	case 1:
		i := 0
		for i < len(rb) && ra[i] == rb[i] {
			i++
		}
		return string(ra[i+1:]) == string(rb[i:])
	}
	return false
}

// oneEditBytes is OneEdit for ASCII text, without copying it.
func oneEditBytes(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) || a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		i := 0
		for i < len(b) && a[i] == b[i] {
			i++
		}
		return a[i+1:] == b[i:]
	}
	return false
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Best returns the best-scoring candidate for a, or a zero Match when none scores above 0.
// Ties go to the candidate listed first.
func Best(a *Profile, candidates []*Profile) Match {
	var best Match
	for _, c := range candidates {
		if c.ID == a.ID && a.ID != "" {
			continue
		}
		if m := Score(a, c); m.Score > best.Score {
			best = m
		}
	}
	return best
}

// sortMatches orders matches best first, then by ID.
func sortMatches(ms []Match) {
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].Score != ms[j].Score {
			return ms[i].Score > ms[j].Score
		}
		return ms[i].ID < ms[j].ID
	})
}
