package extract

import (
	"regexp"
	"strconv"
	"strings"
)

// metric is a reported figure, before IDs are given.
type metric struct {
	s, o      *entity
	name      string
	value     *float64
	unit      string
	qualifier string
	period    string
	change    *float64
	base      string
	sent      int
}

// moneyMetric picks the metric of an amount of money from the words of its sentence.
var (
	reInvest     = regexp.MustCompile(`\b(?:invest\w*|injection|inject\w*|capital expenditure)\b`)
	reFunding    = regexp.MustCompile(`\b(?:rais\w*|fund\w*|financ\w*|grants?|granted|subsid\w*|earmark\w*|allocat\w*|series [a-e]|round|seed|backed|sponsor\w*|donat\w*)\b`)
	reRevenue    = regexp.MustCompile(`\b(?:revenues?|sales|turnover|income|earnings)\b`)
	reTravel     = regexp.MustCompile(`\b(?:travel\w*|commut\w*|journey|drive|ride|trip|away|reach|between)\b`)
	reYearOnYear = regexp.MustCompile(` from (?:a year earlier|the previous year|the year before|a year ago) | year-on-year | year on year `)
	reEmploy     = regexp.MustCompile(`employ|hire|hiring|staff|work`)
)

// riseWords and fallWords make a percentage a change.
var (
	riseWords = set("rose rise rises rising increased increase increases increasing grew grow grows growing growth jumped jump climbed up surged soared gained expanded higher boost boosted")
	fallWords = set("fell fall falls falling dropped drop drops declined decline declines decreased decrease down slipped shrank lower plunged slumped")
)

// findMetrics reads the figures of every sentence.
func (d *doc) findMetrics() []metric {
	var out []metric
	dollar := "USD"
	if d.mentionsHongKongDollars() {
		dollar = "HKD"
	}
	for si, s := range d.sents {
		toks := s.Tokens
		dates := d.dates[si]
		qs := findQuantities(toks, dates, dollar)
		if len(qs) == 0 {
			continue
		}
		low := " " + strings.Join(lowerWords(toks, 0, len(toks)), " ") + " "
		period, base := "", ""
		for _, dt := range dates {
			if dt.base {
				if base == "" {
					base = dt.value
				}
			} else if period == "" && len(dt.value) <= 7 {
				period = dt.value
			}
		}
		if base == "" && reYearOnYear.MatchString(low) && d.hasPub {
			base = strconv.Itoa(d.pub.Year() - 1)
		}
		var changes []quantity
		var values []quantity
		for _, q := range qs {
			if q.unit == "percent" && isChange(toks, q) {
				changes = append(changes, q)
			} else {
				values = append(values, q)
			}
		}
		var found []metric
		for _, q := range values {
			m, ok := d.valueMetric(si, q, low)
			if !ok {
				continue
			}
			v := q.value
			m.value = &v
			m.unit, m.qualifier = q.unit, q.qualifier
			if m.name == "area" || m.name == "computing_power" || m.name == "travel_time" || m.name == "company_count" || m.name == "researcher_count" {
				m.period = ""
			} else {
				m.period = period
			}
			m.sent = si
			found = append(found, m)
		}
		// a change belongs to the figure of the same clause, or names its own metric
		for _, c := range changes {
			pct := c.value
			if fallWord(toks, c) {
				pct = -pct
			}
			attached := false
			for i := range found {
				if found[i].change == nil && sameClause(toks, found[i].valueAt(toks, qs), c.numAt) && changeFits(toks, c, found[i].name) {
					p := pct
					found[i].change = &p
					found[i].base = base
					attached = true
					break
				}
			}
			if attached {
				continue
			}
			name := d.changeMetric(si, c, low)
			if name == "" {
				continue
			}
			dup := false
			for _, f := range found {
				if f.name == name {
					dup = true
				}
			}
			if dup {
				continue // "up 10 percent from last year and 40 percent since 2020": the first change counts
			}
			subj := d.metricSubject(si, c.numAt, name)
			if subj == nil {
				continue
			}
			p := pct
			m := metric{s: subj, name: name, unit: "count", change: &p, base: base, period: period, sent: si}
			if strings.Contains(name, "investment") || name == "funding" || name == "revenue" {
				m.unit = ""
			}
			found = append(found, m)
		}
		out = append(out, found...)
	}
	return dedupMetrics(out)
}

// valueAt returns the token of a metric's number in the sentence (for clause tests).
func (m metric) valueAt(toks []token, qs []quantity) int {
	for _, q := range qs {
		if m.value != nil && q.value == *m.value {
			return q.numAt
		}
	}
	return 0
}

func dedupMetrics(ms []metric) []metric {
	var out []metric
	seen := map[string]bool{}
	for _, m := range ms {
		v := ""
		if m.value != nil {
			v = formatNumber(*m.value)
		}
		key := m.s.name + "\x00" + m.name + "\x00" + v
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, m)
	}
	return out
}

// mentionsHongKongDollars reports whether a bare "$" in the text is most likely Hong Kong dollars:
// the text writes HK$ or talks of Hong Kong and never writes US$.
func (d *doc) mentionsHongKongDollars() bool {
	us, hk := false, false
	for _, s := range d.sents {
		for _, t := range s.Tokens {
			switch t.Text {
			case "US$":
				us = true
			case "HK$":
				hk = true
			}
		}
	}
	return hk || !us
}

// isChange reports whether a percentage is a change ("rose 10 percent", "a 7 percent increase")
// rather than a share ("18 percent of founders").
func isChange(toks []token, q quantity) bool {
	for k := q.start - 1; k >= 0 && k >= q.start-4; k-- {
		w := toks[k].Lower
		if riseWords[w] || fallWords[w] {
			return true
		}
		if w == "by" {
			continue
		}
		if toks[k].Kind == tokPunct {
			break
		}
	}
	if q.end < len(toks) {
		w := toks[q.end].Lower
		if w == "increase" || w == "rise" || w == "growth" || w == "jump" || w == "drop" || w == "decline" || w == "fall" || w == "decrease" || w == "year-on-year" || w == "more" || w == "higher" || w == "lower" || w == "gain" || w == "surge" {
			return true
		}
	}
	return false
}

func fallWord(toks []token, q quantity) bool {
	for k := q.start - 1; k >= 0 && k >= q.start-4; k-- {
		if fallWords[toks[k].Lower] {
			return true
		}
		if riseWords[toks[k].Lower] {
			return false
		}
	}
	if q.end < len(toks) {
		return fallWords[toks[q.end].Lower]
	}
	return false
}

// sameClause reports whether tokens a and b are not separated by a semicolon or a sentence-like break.
func sameClause(toks []token, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a; k < b; k++ {
		if toks[k].Text == ";" {
			return false
		}
	}
	return b-a < 32
}

// changeFits reports whether a change can belong to a figure: "a 7 percent increase in
// employment" names its own metric, which must then be the figure's.
func changeFits(toks []token, c quantity, name string) bool {
	own := changeNoun(toks, c)
	if own == "" {
		return true
	}
	m := countNouns[own]
	if own == "employment" || own == "jobs" || own == "headcount" {
		return name == "employee_count" || name == "startup_employment"
	}
	return m == "" || m == name
}

// changeNoun returns the noun of "a 7 percent increase in employment".
func changeNoun(toks []token, c quantity) string {
	k := c.end
	if k < len(toks) && (toks[k].Lower == "increase" || toks[k].Lower == "rise" || toks[k].Lower == "growth" || toks[k].Lower == "jump" || toks[k].Lower == "drop" || toks[k].Lower == "decline" || toks[k].Lower == "fall") {
		if k+1 < len(toks) && toks[k+1].Lower == "in" {
			for j := k + 2; j < len(toks) && j < k+5; j++ {
				w := toks[j].Lower
				if w == "the" || w == "number" || w == "of" || w == "total" {
					continue
				}
				return w
			}
		}
	}
	return ""
}

// changeMetric names the metric of a change given without a value: "the number of startups
// rose by 10 percent", "a 7 percent increase in employment".
func (d *doc) changeMetric(si int, c quantity, low string) string {
	toks := d.sents[si].Tokens
	startups := strings.Contains(low, " startup") || strings.Contains(low, " start-up") || d.aboutStartups(si-1)
	if n := changeNoun(toks, c); n != "" {
		switch {
		case n == "employment" || n == "jobs" || n == "headcount" || n == "staff" || n == "employees":
			if startups {
				return "startup_employment"
			}
			return "employee_count"
		case countNouns[n] != "":
			return countNouns[n]
		case reRevenue.MatchString(n):
			return "revenue"
		case strings.HasPrefix(n, "invest"):
			return "investment"
		case strings.HasPrefix(n, "fund"):
			return "funding"
		}
		return ""
	}
	return subjectNounMetric(d, si, c.start)
}

// subjectNounMetric names a metric from the noun written before token from: "the number of
// startups ... rose", "revenue rose", "employment grew".
func subjectNounMetric(d *doc, si, from int) string {
	toks := d.sents[si].Tokens
	low := " " + strings.Join(lowerWords(toks, 0, len(toks)), " ") + " "
	startups := strings.Contains(low, " startup") || strings.Contains(low, " start-up") || d.aboutStartups(si-1)
	for k := from - 1; k >= 0 && k >= from-14; k-- {
		w := toks[k].Lower
		if k+1 < len(toks) && w == "number" && toks[k+1].Lower == "of" && k+2 < len(toks) {
			if m := countNouns[toks[k+2].Lower]; m != "" {
				return m
			}
		}
		if m := countNouns[w]; m != "" && m != "employee_count" {
			// "the workforce of these startups": the noun before "of" is what is measured
			p := k - 1
			for p >= 0 && (toks[p].Lower == "these" || toks[p].Lower == "the" || toks[p].Lower == "its" || toks[p].Lower == "local" || toks[p].Lower == "such") {
				p--
			}
			if p > 0 && toks[p].Lower == "of" {
				switch h := toks[p-1].Lower; {
				case h == "workforce" || h == "employment" || h == "staff" || h == "headcount" || h == "employees" || h == "jobs":
					if startups {
						return "startup_employment"
					}
					return "employee_count"
				case reRevenue.MatchString(h):
					return "revenue"
				}
			}
			return m
		}
		if reRevenue.MatchString(w) {
			return "revenue"
		}
		if w == "employment" || w == "workforce" || w == "headcount" {
			if startups {
				return "startup_employment"
			}
			return "employee_count"
		}
	}
	return ""
}

// aboutStartups reports whether sentence si is about startups.
func (d *doc) aboutStartups(si int) bool {
	if si < 0 {
		return false
	}
	for _, t := range d.sents[si].Tokens {
		if t.Lower == "startups" || t.Lower == "start-ups" || t.Lower == "startup" || t.Lower == "start-up" {
			return true
		}
	}
	return false
}

// valueMetric names the metric of one figure and finds its subject.
func (d *doc) valueMetric(si int, q quantity, low string) (metric, bool) {
	toks := d.sents[si].Tokens
	name := ""
	switch q.unit {
	case "HKD", "USD", "RMB", "EUR", "GBP", "SGD", "TWD", "AUD", "CAD":
		ctx := strings.Join(lowerWords(toks, maxInt(0, q.start-8), minInt(len(toks), q.end+6)), " ")
		switch {
		case reRevenue.MatchString(ctx):
			name = "revenue"
		case reInvest.MatchString(ctx):
			name = "investment"
		case reFunding.MatchString(ctx):
			name = "funding"
		default:
			return metric{}, false
		}
	case "sqm", "sqft", "hectares", "acres", "sqkm":
		name = "area"
	case "petaflops", "exaflops", "teraflops":
		name = "computing_power"
	case "minutes", "hours":
		if !reTravel.MatchString(low) {
			return metric{}, false
		}
		name = "travel_time"
	case "count":
		if q.noun == "" {
			name = d.nounlessMetric(si, q)
			if name == "" {
				return metric{}, false
			}
			break
		}
		name = countNouns[q.noun]
		if (name == "company_count" || name == "researcher_count") && !hostContext(toks, q.start) {
			return metric{}, false
		}
		if q.noun == "people" && !reEmploy.MatchString(low) {
			return metric{}, false
		}
		if name == "employee_count" && (strings.Contains(low, " startups ") || strings.Contains(low, " start-ups ") || d.aboutStartups(si-1) && strings.Contains(low, " they ")) && d.firstThing(si, q.numAt) == nil {
			name = "startup_employment"
		}
		if name == "company_count" && q.noun == "members" && !strings.Contains(low, "member") {
			return metric{}, false
		}
	default:
		return metric{}, false
	}
	if name == "" {
		return metric{}, false
	}
	subj := d.metricSubject(si, q.numAt, name)
	if subj == nil {
		return metric{}, false
	}
	return metric{s: subj, name: name}, true
}

// linkWords stand between a count and what it counts when the noun comes first:
// "the number of startups rose to 4,694", "reached 4,694", "stood at 4,694".
var linkWords = set("to reached reach hit totalled totaled total stood was were is are of numbered approached exceeded surpassed topped")

// nounlessMetric names a count written after its noun: "the number of startups ... to a record 4,694".
func (d *doc) nounlessMetric(si int, q quantity) string {
	toks := d.sents[si].Tokens
	k := q.start - 1
	if q.qualifier != "exact" {
		// the qualifier may be the verb itself: "approached 18,000", "exceeded 4,000"
		switch toks[q.start].Lower {
		case "approached", "approaching", "exceeded", "exceeding", "surpassed", "over", "nearly", "almost", "about", "around", "more", "some":
			return subjectNounMetric(d, si, q.start)
		}
	}
	for k >= 0 && (toks[k].Lower == "a" || toks[k].Lower == "record" || toks[k].Lower == "new" || toks[k].Lower == "high" || toks[k].Lower == "of" && k > 0 && toks[k-1].Lower == "high" || toks[k].Lower == "all-time") {
		k--
	}
	if k < 0 || !linkWords[toks[k].Lower] {
		return ""
	}
	return subjectNounMetric(d, si, k)
}

// hostContext reports whether a count of companies or researchers is one a place holds ("hosts
// 440 companies", "home to 15,000 researchers") rather than a group in an event ("signed
// agreements with 10 companies").
func hostContext(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		switch toks[k].Lower {
		case "agreement", "agreements", "deal", "deals", "signed", "mou", "mous", "memorandum", "memoranda", "partnered", "partnership", "partnerships", "visited", "met", "among", "one":
			return false
		}
		if toks[k].Text == ";" {
			break
		}
	}
	return true
}

// countNounEnd returns the token after the noun counted by the number at token i, or 0.
func (d *doc) countNounEnd(si, i int) int {
	toks := d.sents[si].Tokens
	for n := i + 1; n < len(toks) && n < i+5; n++ {
		if countNouns[toks[n].Lower] != "" {
			return n + 1
		}
		if toks[n].Kind != tokWord {
			return 0
		}
	}
	return 0
}

// firstThing returns the first organisation, facility or product mention before token i.
func (d *doc) firstThing(si, i int) *entity {
	for _, m := range d.ments[si] {
		if m.start < i && m.ent != nil && thing(m.ent) && m.ent.typ != "programme" {
			return m.ent
		}
	}
	return nil
}

// metricSubject finds what a figure at token i measures: the subject of its clause (an
// organisation, facility, product or programme; "It", "the park"), else a place for city-wide
// counts, else the article's main place.
func (d *doc) metricSubject(si, i int, name string) *entity {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	wantPlace := name == "startup_count" || name == "startup_employment"
	// "the Government earmarked HK$3 billion ... for the X Scheme": money for a programme
	if name == "funding" || name == "investment" {
		for _, m := range ms {
			if m.start > i && m.start-i < 12 && m.ent != nil && (m.ent.typ == "programme" || m.ent.typ == "organization") &&
				m.start > 0 && (toks[m.start-1].Lower == "for" || toks[m.start-1].Lower == "a" && m.start > 1 && toks[m.start-2].Lower == "for" || m.start > 2 && toks[m.start-1].Lower != "in" && lowerBetween(toks, maxInt(i, m.start-4), m.start) != "" && strings.Contains(lowerBetween(toks, maxInt(i, m.start-5), m.start), " for ")) {
				return m.ent
			}
		}
	}
	// "the clustering of over 800 AI companies at Science Park": the site named after the count
	if q := d.countNounEnd(si, i); q > 0 && q+1 < len(toks) && (toks[q].Lower == "at" || toks[q].Lower == "in") {
		for _, m := range ms {
			if (m.start == q+1 || m.start == q+2 && toks[q+1].Lower == "the") && m.ent != nil && (m.ent.typ == "facility" || m.ent.typ == "organization" || m.ent.typ == "place" && wantPlace) {
				return m.ent
			}
		}
	}
	// the clause of the figure: from the last comma before it
	clauseStart := 0
	for k := i - 1; k >= 0; k-- {
		if toks[k].Text == "," || toks[k].Text == ";" {
			clauseStart = k + 1
			break
		}
	}
	fits := func(e *entity) bool {
		if e == nil {
			return false
		}
		if wantPlace {
			return e.typ == "place" || e.typ == "facility"
		}
		if e.typ == "programme" && name != "funding" && name != "investment" {
			return false
		}
		return e.typ == "organization" || e.typ == "facility" || e.typ == "product" || e.typ == "programme" ||
			e.typ == "place" && (name == "area" || name == "company_count" || name == "researcher_count")
	}
	skipAccording := func(m *mention) bool {
		return m.start >= 2 && toks[m.start-1].Lower == "to" && toks[m.start-2].Lower == "according" ||
			m.start >= 3 && toks[m.start-2].Lower == "to" && toks[m.start-3].Lower == "according"
	}
	// computing power and floor area belong to a facility when the clause names one
	if name == "computing_power" || name == "area" {
		for _, m := range ms {
			if m.start >= clauseStart && m.start < i && m.ent != nil && m.ent.typ == "facility" && !m.mod {
				return m.ent
			}
		}
	}
	// the clause's first fitting mention before the figure
	for _, m := range ms {
		if m.mod {
			continue
		}
		if m.start >= clauseStart && m.start < i && fits(m.ent) && !skipAccording(m) {
			if m.ent.typ == "place" && !wantPlace && m.start > 0 && toks[m.start-1].Lower == "in" {
				continue
			}
			return m.ent
		}
	}
	// "an 87-hectare site next to Futian": an apposition to the name before the comma
	if clauseStart > 1 && (toks[clauseStart].Lower == "a" || toks[clauseStart].Lower == "an" || toks[clauseStart].Lower == "the" ||
		strings.HasSuffix(toks[clauseStart].Lower, "ing") || toks[clauseStart].Lower == "with" || toks[clauseStart].Lower == "worth") {
		for _, m := range ms {
			if m.end == clauseStart-1 && fits(m.ent) {
				return m.ent
			}
		}
	}
	// "Cyberport, which focuses on fintech, has 2,100 members": the name before a relative clause
	if clauseStart > 1 {
		prev := clauseStart - 1 // the comma closing the relative clause
		for k := prev - 1; k > 0; k-- {
			if toks[k].Text == "," {
				if w := toks[k+1].Lower; w == "which" || w == "who" || w == "that" || w == "whose" {
					for _, m := range ms {
						if m.end == k && fits(m.ent) && !m.mod {
							return m.ent
						}
					}
				}
				break
			}
		}
	}
	// "would invest HK$2 billion in the Hong Kong Park": money put into a named thing
	if name == "investment" || name == "funding" {
		for _, m := range ms {
			if m.start > i && m.start-i < 10 && m.ent != nil && (m.ent.typ == "facility" || m.ent.typ == "organization" || m.ent.typ == "programme") &&
				m.start > 0 && (toks[m.start-1].Lower == "in" || toks[m.start-1].Lower == "into" || toks[m.start-1].Lower == "the" && m.start > 1 && (toks[m.start-2].Lower == "in" || toks[m.start-2].Lower == "into")) {
				return m.ent
			}
		}
	}
	// then the sentence's, before the figure
	for _, m := range ms {
		if m.start < i && fits(m.ent) && !skipAccording(m) && !(m.ent.typ == "place" && !wantPlace) {
			return m.ent
		}
	}
	if wantPlace {
		for _, m := range ms {
			if m.ent != nil && m.ent.typ == "place" {
				return m.ent
			}
		}
		return d.homePlace()
	}
	// "an 87-hectare site next to Futian": an apposition to the name before the comma
	if clauseStart > 0 {
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if m.end <= clauseStart && fits(m.ent) {
				return m.ent
			}
		}
	}
	// a figure in a sentence of its own ("The startups employed ...") about the thing just named
	return nil
}

// formatNumber writes a number without a trailing ".0".
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
