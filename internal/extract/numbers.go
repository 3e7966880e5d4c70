package extract

import (
	"strconv"
	"strings"
)

// A quantity is a number found in a sentence with what qualifies it.
type quantity struct {
	start, end int // token range, qualifier words included
	numAt      int // the token of the number itself
	value      float64
	unit       string // count, percent, HKD, USD, RMB, sqm, sqft, hectares, petaflops, minutes, hours, days, years
	qualifier  string // exact, more_than, at_least, less_than, up_to, about, within
	noun       string // the word after the number: startups, researchers ...
	nounAt     int    // its token index, or -1
}

// qualifiers are the words before a number that qualify it, longest first.
var qualifierWords = []struct {
	words string
	q     string
}{
	{"more than", "more_than"}, {"over", "more_than"}, {"above", "more_than"}, {"exceeding", "more_than"},
	{"exceeded", "more_than"}, {"surpassed", "more_than"}, {"in excess of", "more_than"}, {"upwards of", "more_than"},
	{"at least", "at_least"}, {"no fewer than", "at_least"}, {"no less than", "at_least"},
	{"less than", "less_than"}, {"fewer than", "less_than"}, {"under", "less_than"}, {"below", "less_than"},
	{"nearly", "about"}, {"almost", "about"}, {"about", "about"}, {"around", "about"}, {"approximately", "about"},
	{"roughly", "about"}, {"some", "about"}, {"close to", "about"}, {"approached", "about"}, {"approaching", "about"},
	{"an estimated", "about"}, {"estimated", "about"}, {"some", "about"},
	{"up to", "up_to"}, {"as many as", "up_to"}, {"as much as", "up_to"},
	{"within", "within"},
}

// units after a number, by their lower-case words.
var unitWords = []struct {
	words string
	unit  string
}{
	{"percent", "percent"}, {"per cent", "percent"}, {"%", "percent"}, {"percentage points", "percent"},
	{"square metres", "sqm"}, {"square meters", "sqm"}, {"sq m", "sqm"}, {"sqm", "sqm"}, {"m2", "sqm"},
	{"square feet", "sqft"}, {"sq ft", "sqft"}, {"sqft", "sqft"},
	{"hectares", "hectares"}, {"hectare", "hectares"}, {"ha", "hectares"},
	{"acres", "acres"}, {"square kilometres", "sqkm"}, {"square kilometers", "sqkm"}, {"sq km", "sqkm"},
	{"petaflops", "petaflops"}, {"pflops", "petaflops"}, {"petaflop", "petaflops"},
	{"exaflops", "exaflops"}, {"teraflops", "teraflops"},
	{"minutes", "minutes"}, {"minute", "minutes"}, {"mins", "minutes"},
	{"hours", "hours"}, {"hour", "hours"}, {"days", "days"}, {"day", "days"},
	{"years", "years"}, {"year", "years"}, {"months", "months"}, {"month", "months"},
	{"yuan", "RMB"}, {"renminbi", "RMB"}, {"hong kong dollars", "HKD"}, {"us dollars", "USD"},
}

// moneyUnits maps currency prefixes to units.
var moneyUnits = map[string]string{
	"HK$": "HKD", "US$": "USD", "NT$": "TWD", "S$": "SGD", "A$": "AUD", "C$": "CAD", "RMB": "RMB",
	"USD": "USD", "HKD": "HKD", "CNY": "RMB", "EUR": "EUR", "GBP": "GBP", "SGD": "SGD", "JPY": "JPY",
	"¥": "RMB", "€": "EUR", "£": "GBP", "$": "USD",
}

// wordsAt reports whether the lower-case words of phrase start at toks[i]; it returns their count.
func wordsAt(toks []token, i int, phrase string) int {
	ws := strings.Fields(phrase)
	if i+len(ws) > len(toks) {
		return 0
	}
	for k, w := range ws {
		if toks[i+k].Lower != w {
			return 0
		}
	}
	return len(ws)
}

// wordsBefore reports whether the words of phrase end just before toks[i]; it returns their count.
func wordsBefore(toks []token, i int, phrase string) int {
	n := len(strings.Fields(phrase))
	if i-n < 0 {
		return 0
	}
	if wordsAt(toks, i-n, phrase) == n {
		return n
	}
	return 0
}

// parseNumber reads "15,000", "2.84", "4.7" as a number.
func parseNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil
}

// findQuantities returns the numbers of a sentence that are not dates, with their scale,
// currency, unit and qualifier. dollar is the unit a bare "$" stands for.
func findQuantities(toks []token, dates []dateExpr, dollar string) []quantity {
	inDate := func(i int) bool {
		for _, d := range dates {
			if i >= d.start && i < d.end {
				return true
			}
		}
		return false
	}
	var out []quantity
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var v float64
		ok := false
		switch {
		case t.Kind == tokNumber && !inDate(i):
			v, ok = parseNumber(t.Text)
		case t.Kind == tokWord && smallNumbers[t.Lower] > 1 && t.Lower != "hundred" && t.Lower != "dozen" && !inDate(i):
			v, ok = smallNumbers[t.Lower], true
		case t.Kind == tokWord && strings.Contains(t.Lower, "-"):
			// "four-day", "30-minute", "87-hectare"
			parts := strings.SplitN(t.Lower, "-", 2)
			n, isNum := parseNumber(parts[0])
			if !isNum {
				n, isNum = smallNumbers[parts[0]]
			}
			if isNum {
				for _, u := range unitWords {
					if parts[1] == u.words || parts[1]+"s" == u.words {
						out = append(out, quantity{start: i, end: i + 1, numAt: i, value: n, unit: u.unit, qualifier: "exact", nounAt: -1})
						break
					}
				}
			}
			continue
		}
		if !ok {
			continue
		}
		q := quantity{start: i, numAt: i, value: v, qualifier: "exact", nounAt: -1}
		if i > 0 && toks[i-1].Kind == tokMoney {
			q.start = i - 1
			q.unit = moneyUnits[toks[i-1].Text]
			if toks[i-1].Text == "$" {
				q.unit = dollar
			}
		}
		k := i + 1
		// scale: "4.7 billion", "HK$2.84bn"
		if k < len(toks) {
			if s, ok := scales[toks[k].Lower]; ok && (len(toks[k].Lower) > 1 || q.unit != "") {
				q.value *= s
				k++
			}
		}
		// "87-hectare", "30-minute"
		if k+1 < len(toks) && toks[k].Text == "-" && toks[k].Start == toks[k-1].End {
			for _, u := range unitWords {
				if toks[k+1].Lower == u.words || toks[k+1].Lower+"s" == u.words {
					q.unit = u.unit
					k += 2
					break
				}
			}
		}
		for _, u := range unitWords {
			if n := wordsAt(toks, k, u.words); n > 0 {
				if q.unit == "" {
					q.unit = u.unit
				}
				k += n
				break
			}
		}
		if q.unit == "" {
			q.unit = "count"
		}
		// "HK$58 million" may be followed by "Hong Kong dollars" style words; a plain count keeps its noun
		q.end = k
		// the noun the number counts: skip a few adjectives ("15,000 new researchers", "440 tech companies")
		for n := k; n < len(toks) && n < k+4; n++ {
			w := toks[n]
			if w.Kind != tokWord {
				break
			}
			if countNouns[w.Lower] != "" || moneyNouns[w.Lower] {
				q.noun, q.nounAt = w.Lower, n
				break
			}
			if w.Lower == "of" || w.Lower == "and" || w.Lower == "to" || w.Lower == "in" || w.Lower == "from" {
				break
			}
		}
		// qualifier words before the number (and its currency)
		for _, qw := range qualifierWords {
			if n := wordsBefore(toks, q.start, qw.words); n > 0 {
				q.qualifier = qw.q
				q.start -= n
				break
			}
		}
		out = append(out, q)
		i = k - 1
	}
	return out
}

// countNouns map the noun a number counts to a metric.
var countNouns = map[string]string{
	"startups": "startup_count", "start-ups": "startup_count", "startup": "startup_count", "start-up": "startup_count",
	"companies": "company_count", "firms": "company_count", "enterprises": "company_count", "tenants": "company_count",
	"businesses": "company_count", "incubatees": "company_count", "corporations": "company_count", "unicorns": "company_count",
	"members":     "company_count",
	"researchers": "researcher_count", "scientists": "researcher_count", "scholars": "researcher_count",
	"academics": "researcher_count", "engineers": "employee_count",
	"employees": "employee_count", "staff": "employee_count", "workers": "employee_count", "jobs": "employee_count",
	"people": "employee_count", "personnel": "employee_count",
	"users": "user_count", "subscribers": "user_count", "customers": "user_count", "clients": "user_count",
	"servants": "user_count", "visitors": "user_count",
	"patents": "patent_count", "offices": "office_count", "branches": "office_count",
}

// moneyNouns follow an amount of money without changing the metric: "HK$3 billion fund".
var moneyNouns = set("fund funding investment investments budget")
