package extract

import (
	"sort"
	"strings"
)

// lookback is how many sentences back a pronoun or definite description may point.
const lookback = 8

// defNouns are the nouns of definite descriptions ("the park", "this blueprint") and what they
// may refer to.
var defNouns = map[string]func(e *entity) bool{
	"city":         func(e *entity) bool { return e.typ == "place" && (e.cat == "city" || e.lexCat() == "city") },
	"territory":    func(e *entity) bool { return e.typ == "place" && e.lexCat() == "city" },
	"park":         nameEnds("facility", "park", "parks", "innopark"),
	"site":         typeIs("facility"),
	"facility":     typeIs("facility"),
	"campus":       typeIs("facility"),
	"hub":          typeIs("facility", "organization"),
	"centre":       nameEnds("", "centre", "center"),
	"center":       nameEnds("", "centre", "center"),
	"institute":    nameEnds("organization", "institute"),
	"university":   func(e *entity) bool { return e.typ == "organization" && e.cat == "university" },
	"company":      orgCat("company", "startup"),
	"firm":         orgCat("company", "startup"),
	"startup":      orgCat("company", "startup"),
	"start-up":     orgCat("company", "startup"),
	"group":        orgCat("company"),
	"corporation":  typeIs("organization"),
	"organisation": typeIs("organization"),
	"organization": typeIs("organization"),
	"bureau":       nameEnds("organization", "bureau"),
	"commission":   nameEnds("organization", "commission"),
	"council":      nameEnds("organization", "council"),
	"department":   either(nameEnds("organization", "department"), orgCat("government")),
	"agency":       orgCat("government"),
	"authority":    nameEnds("organization", "authority"),
	"lab":          typeIs("facility", "organization"),
	"laboratory":   typeIs("facility", "organization"),
	"zone":         func(e *entity) bool { return e.typ == "place" && e.lexCat() == "zone" },
	"blueprint":    nameEnds("programme", "blueprint"),
	"scheme":       nameEnds("programme", "scheme"),
	"programme":    typeIs("programme"),
	"program":      typeIs("programme"),
	"plan":         nameEnds("programme", "plan"),
	"survey":       nameEnds("programme", "survey"),
	"report":       nameEnds("programme", "report"),
	"initiative":   nameEnds("programme", "initiative"),
	"fund":         nameEnds("programme", "fund"),
	"model":        typeIs("product"),
	"tool":         typeIs("product"),
	"app":          typeIs("product"),
	"application":  typeIs("product"),
	"chatbot":      typeIs("product"),
	"platform":     typeIs("product"),
}

func (e *entity) lexCat() string {
	if e.lex != nil {
		return e.lex.Category
	}
	return e.cat
}

// either accepts what a accepts or, when a accepts nothing nearby, what b accepts.
func either(a, b func(*entity) bool) func(*entity) bool {
	return func(e *entity) bool { return a(e) || b(e) }
}

func typeIs(types ...string) func(*entity) bool {
	return func(e *entity) bool {
		for _, t := range types {
			if e.typ == t {
				return true
			}
		}
		return false
	}
}

func orgCat(cats ...string) func(*entity) bool {
	return func(e *entity) bool {
		if e.typ != "organization" {
			return false
		}
		for _, c := range cats {
			if e.cat == c {
				return true
			}
		}
		return false
	}
}

// nameEnds accepts entities of type typ (any type when "") whose name ends with one of the words.
func nameEnds(typ string, last ...string) func(*entity) bool {
	return func(e *entity) bool {
		if typ != "" && e.typ != typ {
			return false
		}
		for _, ws := range e.nameWords() {
			if len(ws) == 0 {
				continue
			}
			for _, l := range last {
				if ws[len(ws)-1] == l {
					return true
				}
			}
		}
		return false
	}
}

// thing accepts what "it" and "its" may stand for.
func thing(e *entity) bool {
	return e.typ == "organization" || e.typ == "facility" || e.typ == "programme" || e.typ == "product"
}

// addRefs adds the pronouns and definite descriptions of sentence si, resolved to entities
// named before them (or, for a pronoun opening a sentence, to the person the sentence names).
func (d *doc) addRefs(si int) {
	toks := d.sents[si].Tokens
	covered := func(i int) bool {
		for _, m := range d.ments[si] {
			if i >= m.start && i < m.end {
				return true
			}
		}
		return false
	}
	var refs []*mention
	for i := 0; i < len(toks); i++ {
		if covered(i) || toks[i].Kind != tokWord {
			continue
		}
		w := toks[i].Lower
		var e *entity
		n := 1
		switch w {
		case "he", "she", "his", "her", "him":
			e = d.personFor(si, i)
		case "it", "its":
			e = d.thingFor(si, i)
		case "the", "this", "that", "these":
			if i+1 < len(toks) && !covered(i+1) && toks[i+1].Kind == tokWord && !toks[i+1].Cap() {
				if ok, known := defNouns[toks[i+1].Lower]; known {
					// "the company's" and "the park" but not "the park operator"
					if i+2 < len(toks) && toks[i+2].Kind == tokWord && !toks[i+2].Cap() && nounish(toks[i+2].Lower) {
						break
					}
					noun := toks[i+1].Lower
					salient := noun == "city" || noun == "territory" || noun == "site"
					if noun == "city" {
						e = d.recentWithin(si, i, ok, 2)
					}
					if noun == "centre" || noun == "center" {
						e = d.recent(si, i, func(e *entity) bool { return e.typ == "facility" && ok(e) }, false)
					}
					if e == nil && !salient {
						// an entity whose name ends with the noun: "the hub" → the Youth Innovation Hub
						e = d.recentWithin(si, i, nameEnds("", noun), lookback)
						if e != nil && !ok(e) {
							e = nil
						}
					}
					if e == nil {
						e = d.recent(si, i, ok, salient)
					}
					n = 2
				}
			}
		}
		if e == nil {
			continue
		}
		m := &mention{sent: si, start: i, end: i + n, text: spanText(d.sents[si], i, i+n), typ: e.typ, cat: e.cat, how: byRef, ent: e}
		refs = append(refs, m)
		// insert in token order, so that later pronouns of the sentence see it
		ms := d.ments[si]
		k := sort.Search(len(ms), func(k int) bool { return ms[k].start > i })
		ms = append(ms, nil)
		copy(ms[k+1:], ms[k:])
		ms[k] = m
		d.ments[si] = ms
		e.ments = append(e.ments, m)
		i += n - 1
	}
	for _, m := range refs {
		e := m.ent
		sort.SliceStable(e.ments, func(a, b int) bool {
			return e.ments[a].sent*10000+e.ments[a].start < e.ments[b].sent*10000+e.ments[b].start
		})
	}
}

// prepositions put a mention in a phrase that is not its sentence's subject.
var prepositions = set("of by at in from with for to under into on through about among between than")

// nounish reports whether a lower-case word after a definite description continues a noun
// phrase ("the park operator") rather than a clause ("the park is").
func nounish(w string) bool {
	switch w {
	case "operator", "operators", "management", "manager", "authority", "authorities", "government", "council",
		"centre", "center", "district", "area", "level", "limits", "region", "hall", "planning":
		return true
	}
	return false
}

// personFor resolves he/she/his/her at token i: a person named later in the same sentence when
// the pronoun opens it ("During his visit ..., John Lee"), else the last person named.
func (d *doc) personFor(si, i int) *entity {
	var before, after *entity
	for _, m := range d.ments[si] {
		if m.ent == nil || m.typ != "person" || m.how == byRef {
			continue
		}
		if m.start < i {
			before = m.ent
		} else if after == nil {
			after = m.ent
		}
	}
	if before != nil {
		return before
	}
	if after != nil && commaBetween(d.sents[si].Tokens, i, len(d.sents[si].Tokens)) && i < 6 {
		return after
	}
	return d.recent(si, i, typeIs("person"), false)
}

func commaBetween(toks []token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		if toks[k].Text == "," {
			return true
		}
	}
	return false
}

// thingFor resolves it/its at token i: the first organisation, facility, programme or product of
// the sentence before it, else the first one of the nearest earlier sentence that has one.
func (d *doc) thingFor(si, i int) *entity {
	for _, m := range d.ments[si] {
		if m.start >= i {
			break
		}
		if m.ent != nil && thing(m.ent) {
			return m.ent
		}
	}
	for s := si - 1; s >= 0 && s >= si-lookback; s-- {
		var fallback *entity
		for _, m := range d.ments[s] {
			if m.ent == nil || !thing(m.ent) {
				continue
			}
			if m.start > 0 && prepositions[d.sents[s].Tokens[m.start-1].Lower] {
				if fallback == nil {
					fallback = m.ent
				}
				continue
			}
			return m.ent
		}
		if fallback != nil {
			return fallback
		}
	}
	return nil
}

// recentWithin returns the entity ok accepts mentioned last in sentence si (before token i) or
// the n sentences before it.
func (d *doc) recentWithin(si, i int, ok func(*entity) bool, n int) *entity {
	for s := si; s >= 0 && s >= si-n; s-- {
		ms := d.ments[s]
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if s == si && m.start >= i || m.how == byRef {
				continue
			}
			if m.ent != nil && ok(m.ent) {
				return m.ent
			}
		}
	}
	return nil
}

// recent returns the entity ok accepts that was mentioned last before token i of sentence si.
// With salient set (for "the city"), the most mentioned such entity wins instead.
func (d *doc) recent(si, i int, ok func(*entity) bool, salient bool) *entity {
	if salient {
		var best *entity
		for _, e := range d.ents {
			if ok(e) && firstPos(e) < si*10000+i && (best == nil || len(e.ments) > len(best.ments)) {
				best = e
			}
		}
		return best
	}
	for s := si; s >= 0 && s >= si-lookback; s-- {
		ms := d.ments[s]
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if s == si && m.start >= i {
				continue
			}
			if m.ent != nil && ok(m.ent) {
				return m.ent
			}
		}
	}
	return nil
}

// startsWithWord reports whether the sentence's first word is w (lower case).
func startsWithWord(s sentence, w string) bool {
	return len(s.Tokens) > 0 && strings.EqualFold(s.Tokens[0].Text, w)
}
