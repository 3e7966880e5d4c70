package extract

import (
	"regexp"
	"sort"
	"strings"
)

// event is a dated event of an entity, before IDs are given.
type event struct {
	s          *entity
	kind, date string
	sent       int
}

// An eventCue is a phrase that signals an event of the entity after it ("the launch of X") or
// before it ("X opened").
type eventCue struct {
	kind  string
	re    *phraseRE
	after bool // the entity follows the phrase: "the launch of X", "launched X"
}

var eventCues = []eventCue{
	{kind: "launched", re: phrase(`launch of|launching of|unveiling of|rollout of|roll-out of|release of|debut of|introduction of|kick-off of`), after: true},
	{kind: "launched", re: phrase(`launched|launches|unveiled|unveils|rolled out|released|debuted|introduced|kicked off|went live|was launched|were launched|was unveiled|was released|was introduced`)},
	{kind: "opened", re: phrase(`opening of|inauguration of|grand opening of|official opening of|commissioning of`), after: true},
	{kind: "opened", re: phrase(`opened|officially opened|was opened|were opened|inaugurated|was inaugurated|commenced operations?|began operations?|started operations?|came into operation|opened its doors|began operating|started operating|commissioned`)},
	{kind: "completed", re: phrase(`completion of|topping-out of|handover of`), after: true},
	{kind: "completed", re: phrase(`completed|was completed|were completed|finished|was finished|topped out`)},
	{kind: "announced", re: phrase(`announced(?: plans?)?(?: to \S+)?|unveiled plans(?: to \S+)?|announcement of|announces(?: plans?)?(?: to \S+)?`), after: true},
	{kind: "expanded", re: phrase(`expansion of|enhancement of|upgrade of|upgrading of|extension of|to expand|to enhance|to upgrade|enhance|expand|upgrade`), after: true},
	{kind: "expanded", re: phrase(`expanded|was expanded|were expanded|was upgraded|upgraded|its expansion|the expansion|its upgrade`)},
	{kind: "founded", re: phrase(`founding of|establishment of|creation of|formation of|setting up of|set-up of`), after: true},
	{kind: "founded", re: phrase(`founded|was founded|was established|were established|was set up|were set up|set up|established|was formed|was created|was incorporated|incorporated|co-founded|was co-founded`)},
	{kind: "closed", re: phrase(`closure of|shutdown of|closing of`), after: true},
	{kind: "closed", re: phrase(`closed|shut down|was closed|ceased operations|wound up|shut its doors|closed down`)},
}

// eventTypes are the entities that have events, in order of preference.
var eventTypes = map[string][]string{
	"launched":  {"product", "programme", "facility", "organization"},
	"opened":    {"facility", "organization", "programme"},
	"completed": {"facility", "programme", "product"},
	"announced": {"programme", "product", "facility"},
	"expanded":  {"facility", "organization", "programme"},
	"founded":   {"organization", "facility", "programme"},
	"closed":    {"organization", "facility", "programme"},
}

// reSameTime opens a sentence dated like the one before: "That same month".
var reSameTime = regexp.MustCompile(`^(?:that|the|in the|in that|on the|on that) same (?:month|day|year|week)|^that (?:month|day|year)|^at the same time`)

// futureWords before an event phrase say it has not happened.
var futureWords = set("will would plans plan planned to be expected scheduled set aims aim intends could may might should")

// findEvents reads the dated events of every sentence.
func (d *doc) findEvents() []event {
	var out []event
	seen := map[string]bool{}
	lastDate := ""
	for si, s := range d.sents {
		toks := s.Tokens
		dates := d.dates[si]
		// "That same month", "The same day": the date of the sentence before
		sameAs := ""
		low, offs := lowered(toks)
		if reSameTime.MatchString(low) {
			sameAs = lastDate
		}
		type hit struct {
			c      *eventCue
			cs, ce int
		}
		var hs []hit
		act := d.phraseHits(si)
		for ci := range eventCues {
			c := &eventCues[ci]
			for _, loc := range c.re.find(low, offs, act) {
				hs = append(hs, hit{c, tokenIndex(offs, loc[0]), tokenIndex(offs, loc[1]-1) + 1})
			}
		}
		sort.SliceStable(hs, func(a, b int) bool { return hs[a].cs < hs[b].cs })
		had := map[*entity]bool{}
		for _, h := range hs {
			if future(toks, h.cs) {
				continue
			}
			e := d.eventSubject(si, h.c, h.cs, h.ce)
			if e == nil || had[e] {
				continue
			}
			date := nearestDate(toks, dates, h.cs, h.ce)
			if date == "" {
				date = sameAs
			}
			if date == "" {
				continue
			}
			had[e] = true
			key := e.name + "\x00" + h.c.kind + "\x00" + date
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, event{s: e, kind: h.c.kind, date: date, sent: si})
		}
		for _, dt := range dates {
			if !dt.base {
				lastDate = dt.value
			}
		}
	}
	return out
}

// future reports whether the words before an event phrase put it in the future.
func future(toks []token, cs int) bool {
	for k := cs - 1; k >= 0 && k >= cs-3; k-- {
		w := toks[k].Lower
		if futureWords[w] && !(w == "to" && k > 0 && (toks[k-1].Lower == "due" || toks[k-1].Lower == "thanks")) {
			if w == "to" && k == cs-1 && (toks[cs].Lower == "expand" || toks[cs].Lower == "enhance" || toks[cs].Lower == "upgrade") {
				continue
			}
			return true
		}
		if toks[k].Text == "," {
			break
		}
	}
	return false
}

// nearestDate returns the date written closest to the phrase toks[cs:ce], not a base date,
// preferring one in the same clause (no comma between).
func nearestDate(toks []token, dates []dateExpr, cs, ce int) string {
	best, bestDist := "", 1<<30
	for _, d := range dates {
		if d.base {
			continue
		}
		dist := cs - d.end
		a, b := d.end, cs
		if d.start >= ce {
			dist = d.start - ce
			a, b = ce, d.start
		}
		if dist < 0 {
			dist = 0
		}
		if commaBetween(toks, a, b) {
			dist += 100
		}
		if dist < bestDist {
			best, bestDist = d.value, dist
		}
	}
	return best
}

// eventSubject finds the entity of an event phrase.
func (d *doc) eventSubject(si int, c *eventCue, cs, ce int) *entity {
	toks := d.sents[si].Tokens
	types := eventTypes[c.kind]
	verbAfter := c.after && ce < len(toks) && !strings.HasSuffix(toks[ce-1].Lower, "of") && prepositions[toks[ce].Lower]
	if verbAfter {
		return nil // "the donation, announced at a ceremony held at X": X was not announced
	}
	if c.after || transitive(toks, ce) {
		// the first fitting mention in the next few words
		for _, t := range types {
			for _, m := range d.ments[si] {
				if m.start < ce || m.ent == nil {
					continue
				}
				if m.start-ce > 12 || commaBetween(toks, ce, m.start) && !dubbed(toks, ce, m.start) || m.start-ce > 8 && !dubbed(toks, ce, m.start) {
					break
				}
				if m.ent.typ == t && !m.mod {
					// "the opening of a supercomputing centre at Cyberport": the centre opened, not Cyberport
					if t == "organization" && siteNounBetween(toks, ce, m.start) {
						continue
					}
					return m.ent
				}
			}
		}
		if c.after || c.kind != "completed" && c.kind != "expanded" {
			return nil
		}
		// "completed the second phase of its expansion": the subject completed something of its own
	}
	// "X opened", "In 2024, X opened", "X, set up in 2023, launched": the clause's subject
	for _, m := range d.ments[si] {
		if m.end > cs || m.ent == nil || !has(types, m.ent.typ) {
			continue
		}
		if commaBetween(toks, m.end, cs) && !appositive(toks, m.end, cs) && !participle(toks, m.end, cs) {
			continue
		}
		return m.ent
	}
	// "Founded in 2019 by ..., the company": the subject after the opening clause
	if cs <= 1 {
		for _, m := range d.ments[si] {
			if m.start > ce && m.ent != nil && has(types, m.ent.typ) && m.start > 0 {
				k := m.start
				for k > 0 && (toks[k-1].Lower == "the" || toks[k-1].Lower == "its") {
					k--
				}
				if k > 0 && toks[k-1].Text == "," {
					return m.ent
				}
			}
		}
	}
	return nil
}

// dubbed reports whether a name after a comma names what came before: ", dubbed X", ", named X".
func dubbed(toks []token, a, b int) bool {
	for k := a; k+1 < b; k++ {
		if toks[k].Text == "," {
			switch toks[k+1].Lower {
			case "dubbed", "named", "called", "branded", "titled":
				return k+2 == b || k+3 == b && (toks[k+2].Text == "\"" || toks[k+2].Text == "'")
			}
			return false
		}
	}
	return false
}

// siteNounBetween reports whether a lower-case word for a site stands in toks[a:b].
func siteNounBetween(toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		switch toks[k].Lower {
		case "centre", "center", "lab", "laboratory", "office", "offices", "headquarters", "campus", "hub", "plant", "factory", "facility", "facilities", "building", "park", "base", "branch":
			return true
		}
	}
	return false
}

// transitive reports whether a verb at toks[ce-1] takes an object right after it (not "in",
// "on", a date or the end of the sentence).
func transitive(toks []token, ce int) bool {
	if ce >= len(toks) {
		return false
	}
	t := toks[ce]
	if t.Kind == tokPunct || t.Kind == tokNumber {
		return false
	}
	switch t.Lower {
	case "the", "a", "an", "its", "his", "her", "their", "our", "two", "three", "several", "new", "plans", "plan":
		return true
	}
	if months[t.Lower] > 0 || weekdays[t.Lower] > 0 && t.Cap() {
		return false
	}
	return t.Cap()
}

// participle reports whether a phrase follows a name after a comma: "HKGAI, set up in 2023",
// "MRDI, which was established in 2024".
func participle(toks []token, a, b int) bool {
	return reParticiple.MatchString(lowerBetween(toks, a, b))
}

var reParticiple = regexp.MustCompile(`^ ,(?: (?:which|that|who))?(?: (?:was|were|is|are|has been|had been|have been))?(?: \S+ly)?$`)

// appositive reports whether the commas between a and b enclose an inserted clause:
// "HKGAI, set up in October 2023, launched" has two commas.
func appositive(toks []token, a, b int) bool {
	n := 0
	for k := a; k < b; k++ {
		if toks[k].Text == "," {
			n++
		}
	}
	return n >= 2 && n%2 == 0 && strings.TrimSpace(toks[a].Text) == ","
}
