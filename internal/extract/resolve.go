package extract

import (
	"sort"
	"strconv"
	"strings"

	"github.com/hkin/hkin/internal/model"
)

// An entity is one real-world thing, with all the mentions that refer to it.
type entity struct {
	name, typ, cat string
	lex            *lexEntry
	forms          []string // surface forms, in order of appearance
	ments          []*mention
	named          bool    // has at least one mention that names it (not only references)
	employer       *entity // for a person: the organisation they work for
	operator       *entity // for a facility: the organisation that operates it
	world          bool    // the pseudo-place World, made for "shipped globally"
	id             string
	extra          []string        // aliases added by rules (acronyms)
	kc             map[string]bool // the keys of the names, computed on demand
	wc             [][]string      // the words of the names, computed with kc
}

// nameWords returns the words of each of an entity's names.
func (e *entity) nameWords() [][]string {
	if e.kc == nil || e.wc == nil {
		e.keys()
	}
	return e.wc
}

// keys returns the normalised forms of an entity's names, with British spellings.
func (e *entity) keys() map[string]bool {
	if e.kc != nil {
		return e.kc
	}
	k := map[string]bool{}
	e.wc = e.wc[:0]
	for _, f := range e.allNames() {
		if n := normKey(f); n != "" {
			if !k[n] {
				e.wc = append(e.wc, strings.Fields(n))
			}
			k[n] = true
		}
	}
	e.kc = k
	return k
}

// normKey normalises a name for matching within a document: model.NormName with British spellings.
func normKey(s string) string {
	var ws []string
	if ascii(s) {
		ws = asciiWords(s)
	} else {
		ws = strings.Fields(model.NormName(s))
	}
	for i, w := range ws {
		if v, ok := spellings[w]; ok {
			ws[i] = v
		}
	}
	return strings.Join(ws, " ")
}

func (e *entity) allNames() []string {
	names := append([]string{e.name}, e.forms...)
	names = append(names, e.extra...)
	if e.lex != nil {
		names = append(names, e.lex.Name)
		names = append(names, e.lex.Aliases...)
	}
	return names
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// asciiWords does what model.NormName does, for ASCII text, quickly: lower-case words of letters,
// digits and &, without "'s" and a leading "the".
func asciiWords(s string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, strings.ToLower(s[start:end]))
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		word := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '&'
		if c == '\'' && i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 'S') && (i+2 == len(s) || !isASCIIWord(s[i+2])) {
			flush(i)
			i++
			continue
		}
		if word {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	if len(out) > 0 && out[0] == "the" {
		out = out[1:]
	}
	return out
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '&'
}

// words returns the lower-case words of a name.
func words(s string) []string { return strings.Fields(normKey(s)) }

// resolve groups mentions into entities: gazetteer entries, repeated names, surnames, acronyms,
// short forms; then it resolves pronouns and definite descriptions ("the park").
func (d *doc) resolve() {
	byLex := map[*lexEntry]*entity{}
	d.byKey = map[string][]*entity{}
	for si := range d.sents {
		ms := d.ments[si]
		for _, m := range ms {
			if m.aliasOf > 0 {
				target := ms[m.aliasOf-1].ent
				if target != nil {
					m.ent = target
					target.extra = append(target.extra, m.text)
					target.kc = nil
					target.ments = append(target.ments, m)
					continue
				}
			}
			var e *entity
			if m.lex != nil {
				e = byLex[m.lex]
				if e == nil {
					e = d.findByName(m)
				}
			} else {
				e = d.findByName(m)
			}
			if e == nil {
				e = &entity{typ: m.typ, cat: m.cat, lex: m.lex, name: m.text}
				if m.lex != nil {
					e.name = m.lex.Name
				}
				d.ents = append(d.ents, e)
			}
			if m.lex != nil && byLex[m.lex] == nil {
				byLex[m.lex] = e
				if e.lex == nil {
					e.lex = m.lex
					e.kc = nil
				}
			}
			if e.typ != m.typ && m.how == byGazetteer && e.lex == nil {
				e.typ, e.cat = m.typ, m.cat
			}
			m.typ, m.cat = e.typ, e.cat
			m.ent = e
			e.named = true
			if k := normKey(m.text); !containsEnt(d.byKey[k], e) {
				d.byKey[k] = append(d.byKey[k], e)
			}
			e.ments = append(e.ments, m)
			if !contains(e.forms, m.text) {
				e.forms = append(e.forms, m.text)
				e.kc = nil
			}
		}
		d.addRefs(si)
	}
}

func containsEnt(list []*entity, e *entity) bool {
	for _, x := range list {
		if x == e {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// maxScan bounds how many of the latest entities a name is compared with, so that a long text
// costs time in proportion to its length.
const maxScan = 400

// findByName finds the entity an unknown name refers to: the same name, a surname of a person
// named before, an acronym, or a short or long form of an organisation's name.
func (d *doc) findByName(m *mention) *entity {
	key := normKey(m.text)
	if key == "" {
		return nil
	}
	mw := strings.Fields(key)
	// the same name or alias
	for i := len(d.byKey[key]) - 1; i >= 0; i-- {
		if e := d.byKey[key][i]; e.keys()[key] && compatible(e, m) {
			return e
		}
	}
	for i := len(d.ents) - 1; i >= 0 && i >= len(d.ents)-maxScan; i-- {
		e := d.ents[i]
		if e.keys()[key] && compatible(e, m) {
			return e
		}
	}
	// a surname, or a given name, of a person named before (the most recent one)
	if len(mw) == 1 && (m.typ == "person" || m.how == byGuess) {
		if e := d.lastPerson(func(e *entity) bool { return contains(surnamesOf(e.name), mw[0]) }); e != nil {
			return e
		}
		// a two-word name guessed to be an organisation, whose last word is now used alone as a
		// person's: it was a person
		if m.typ == "person" {
			for i := len(d.ents) - 1; i >= 0 && i >= len(d.ents)-maxScan; i-- {
				e := d.ents[i]
				ew := words(e.name)
				if e.typ == "organization" && e.lex == nil && len(ew) == 2 && ew[1] == mw[0] && !isHead(token{Lower: ew[1]}) && allGuessed(e) {
					e.typ, e.cat = "person", ""
					for _, em := range e.ments {
						em.typ, em.cat = "person", ""
					}
					return e
				}
			}
		}
	}
	// a full name after its surname was used alone: "Ms Lau said ... Director-General Alpha Lau"
	if len(mw) >= 2 && m.typ == "person" {
		sn := surnamesOf(m.text)
		for i := len(d.ents) - 1; i >= 0 && i >= len(d.ents)-maxScan; i-- {
			e := d.ents[i]
			if e.typ == "person" && len(words(e.name)) == 1 && contains(sn, words(e.name)[0]) {
				e.name = m.text
				e.kc = nil
				return e
			}
		}
	}
	if m.how == byGazetteer {
		return nil
	}
	// an acronym of a longer name
	if len(mw) == 1 && len(m.text) >= 2 && strings.ToUpper(m.text) == m.text {
		for i := len(d.ents) - 1; i >= 0 && i >= len(d.ents)-maxScan; i-- {
			e := d.ents[i]
			if (e.typ == "organization" || e.typ == "facility" || e.typ == "programme") && len(words(e.name)) > 1 && acronymOf(e.name, m.text) {
				return e
			}
		}
	}
	// a short form (Science Park, Rice) or a longer form (Time Medical Holdings) of a name
	if m.typ == "organization" || m.typ == "facility" || m.typ == "programme" || m.typ == "product" {
		for i := len(d.ents) - 1; i >= 0 && i >= len(d.ents)-maxScan; i-- {
			e := d.ents[i]
			if e.typ != m.typ && !(m.how == byGuess && (e.typ == "organization" || e.typ == "product" || e.typ == "facility")) {
				continue
			}
			for _, ew := range e.nameWords() {
				if len(ew) <= len(mw) {
					if len(ew) < len(mw) && hasPrefix(mw, ew) && allSuffixes(mw[len(ew):]) {
						return e
					}
					continue
				}
				if hasPrefix(ew, mw) && (m.how == byGuess || len(mw) >= 2) && !generic(mw) {
					return e
				}
				if hasPrefix(reverse(ew), reverse(mw)) && len(mw) >= 2 && !generic(mw) {
					return e
				}
			}
		}
	}
	return nil
}

// allGuessed reports whether every mention of an entity was a guess.
func allGuessed(e *entity) bool {
	for _, m := range e.ments {
		if m.how != byGuess {
			return false
		}
	}
	return true
}

// compatible reports whether a mention may name an existing entity of another type.
func compatible(e *entity, m *mention) bool {
	if e.typ == m.typ {
		return true
	}
	return m.how == byGuess && e.typ != "sector"
}

func hasPrefix(a, p []string) bool {
	if len(p) > len(a) {
		return false
	}
	for i := range p {
		if a[i] != p[i] {
			return false
		}
	}
	return true
}

func reverse(a []string) []string {
	r := make([]string, len(a))
	for i, w := range a {
		r[len(a)-1-i] = w
	}
	return r
}

// companySuffix words may follow a company's short name: Time Medical Holdings.
var companySuffix = set("limited ltd inc corp corporation company co group holdings holding international plc llc")

func allSuffixes(ws []string) bool {
	for _, w := range ws {
		if !companySuffix[w] {
			return false
		}
	}
	return len(ws) > 0
}

// generic reports whether words are too common to stand for one name: "Hong Kong", "Park".
func generic(ws []string) bool {
	if len(ws) == 1 {
		_, h := heads[ws[0]]
		return h || commonCaps[ws[0]] || functionWords[ws[0]]
	}
	k := strings.Join(ws, " ")
	return k == "hong kong" || k == "science park" && false
}

// surnamesOf returns the words of a person's name that stand for the person alone: the surname
// (Lee of John Lee, Ma of Q.Y. Ma, Sun of Sun Dong).
func surnamesOf(name string) []string {
	ws := words(name)
	raw := strings.Fields(name)
	if len(ws) == 0 {
		return nil
	}
	var out []string
	out = append(out, ws[len(ws)-1])
	if len(raw) >= 3 && strings.Contains(raw[len(raw)-1], "-") {
		out = append(out, strings.ToLower(strings.Trim(raw[len(raw)-2], ".")))
	}
	if len(ws) >= 2 && surnames[ws[0]] && !givenNames[ws[0]] && !isInitials(strings.TrimSuffix(raw[0], ".")) {
		out = append(out, ws[0])
	}
	return out
}

// lastPerson returns the most recently mentioned person that ok accepts.
func (d *doc) lastPerson(ok func(*entity) bool) *entity {
	var best *entity
	bestPos := -1
	for _, e := range d.ents {
		if e.typ != "person" || !ok(e) || len(e.ments) == 0 {
			continue
		}
		last := e.ments[len(e.ments)-1]
		if p := last.sent*10000 + last.start; p > bestPos {
			best, bestPos = e, p
		}
	}
	return best
}

// result builds the output: the relations, events and metrics read, and the entities that are
// named (or used by a fact), with IDs in order of first mention.
func (d *doc) result() *Result {
	rels := d.findRelations()
	evs := d.findEvents()
	mets := d.findMetrics()
	res := &Result{Entities: []Entity{}, Relations: []Relation{}, Events: []Event{}, Metrics: []Metric{}}
	var ents []*entity
	for _, e := range d.ents {
		if e.named || e.world && used(e, rels) {
			ents = append(ents, e)
		}
	}
	sort.SliceStable(ents, func(a, b int) bool { return firstPos(ents[a]) < firstPos(ents[b]) })
	for i, e := range ents {
		e.id = "e" + strconv.Itoa(i+1)
		out := Entity{ID: e.id, Name: e.displayName(), Type: e.typ, Aliases: []string{}}
		if e.typ == "organization" {
			out.Category = e.cat
		}
		if e.lex != nil {
			out.KnownID = e.lex.KnownID
		}
		seen := map[string]bool{normKey(out.Name): true}
		for _, a := range e.allNames() {
			k := normKey(a)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			out.Aliases = append(out.Aliases, a)
		}
		res.Entities = append(res.Entities, out)
	}
	for _, r := range rels {
		if r.s.id == "" || r.o.id == "" {
			continue
		}
		res.Relations = append(res.Relations, Relation{Subject: r.s.id, Predicate: r.pred, Object: r.o.id,
			Role: r.role, Date: r.date, Duration: r.duration, Amount: r.amount, Evidence: d.sents[r.sent].Text})
	}
	for _, e := range evs {
		if e.s.id == "" {
			continue
		}
		res.Events = append(res.Events, Event{Subject: e.s.id, Kind: e.kind, Date: e.date, Evidence: d.sents[e.sent].Text})
	}
	for _, m := range mets {
		if m.s.id == "" {
			continue
		}
		out := Metric{Subject: m.s.id, Metric: m.name, Value: m.value, Unit: m.unit, Qualifier: m.qualifier,
			Period: m.period, ChangePercent: m.change, BasePeriod: m.base, Evidence: d.sents[m.sent].Text}
		if m.o != nil {
			out.Object = m.o.id
		}
		res.Metrics = append(res.Metrics, out)
	}
	return res
}

func used(e *entity, rels []rel) bool {
	for _, r := range rels {
		if r.s == e || r.o == e {
			return true
		}
	}
	return false
}

func firstPos(e *entity) int {
	if len(e.ments) == 0 {
		return 1 << 30
	}
	m := e.ments[0]
	return m.sent*10000 + m.start
}

// displayName picks an entity's name: the lexicon's, else its longest named form
// (a person's full name, an organisation's full name).
func (e *entity) displayName() string {
	if e.lex != nil {
		return e.lex.Name
	}
	best := e.name
	for _, f := range e.forms {
		if len(words(f)) > len(words(best)) {
			best = f
		}
	}
	return best
}
