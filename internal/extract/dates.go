package extract

import (
	"fmt"
	"strconv"
	"time"
)

// A dateExpr is a date found in a sentence, resolved to ISO 8601 at the precision the text
// gives: "2024", "2025-02" or "2025-03-14".
type dateExpr struct {
	start, end int // token range
	value      string
	base       bool // introduced by "from" or "compared with": the base of a change
}

// findDates returns the dates of a sentence, resolved against the publication date pub
// (zero when unknown: relative dates are then left out).
func findDates(toks []token, pub time.Time) []dateExpr {
	var out []dateExpr
	future := false
	for i := 0; i < len(toks); i++ {
		switch toks[i].Lower {
		case "will", "next", "plans", "expected", "scheduled", "aims", "upcoming":
			future = true
		}
		if d, n := dateAt(toks, i, pub, future); n > 0 {
			if i > 0 {
				switch toks[i-1].Lower {
				case "from", "over", "than", "since":
					d.base = toks[i-1].Lower != "since"
				}
				if i > 1 && (toks[i-2].Lower+" "+toks[i-1].Lower == "compared with" || toks[i-2].Lower+" "+toks[i-1].Lower == "compared to") {
					d.base = true
				}
			}
			d.start, d.end = i, i+n
			out = append(out, d)
			i += n - 1
		}
	}
	return out
}

// year reads a token as a year between 1950 and 2099.
func year(t token) (int, bool) {
	if t.Kind != tokNumber || len(t.Text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t.Text)
	if err != nil || y < 1950 || y > 2099 {
		return 0, false
	}
	return y, true
}

// day reads a token as a day of the month: 14, 14th, 1st.
func day(t token) (int, bool) {
	s := t.Lower
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if len(s) > 2 && s[len(s)-2:] == suf {
			s = s[:len(s)-2]
		}
	}
	d, err := strconv.Atoi(s)
	if err != nil || d < 1 || d > 31 {
		return 0, false
	}
	return d, true
}

func ymd(y, m, d int) string {
	switch {
	case m == 0:
		return strconv.Itoa(y)
	case d == 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// monthYear picks the year of a month named without one: the latest such month on or before
// the publication date, or the next one when the sentence speaks of the future.
func monthYear(m int, pub time.Time, future bool) int {
	y := pub.Year()
	if future {
		if m < int(pub.Month()) {
			y++
		}
		return y
	}
	if m > int(pub.Month()) {
		y--
	}
	return y
}

// dateAt reads a date expression starting at toks[i] and returns it with its length in tokens.
func dateAt(toks []token, i int, pub time.Time, future bool) (dateExpr, int) {
	t := toks[i]
	at := func(k int) token {
		if k < len(toks) {
			return toks[k]
		}
		return token{}
	}
	hasPub := !pub.IsZero()
	// month names: "March 14, 2025", "March 2025", "March"
	if m, ok := months[t.Lower]; ok && (t.Cap() || t.AllCaps()) && len(t.Text) >= 3 {
		if t.Lower == "may" && !mayIsMonth(toks, i) {
			return dateExpr{}, 0
		}
		if d, ok := day(at(i + 1)); ok && at(i+1).Kind != tokPunct {
			k := i + 2
			if at(k).Text == "," {
				k++
			}
			if y, ok := year(at(k)); ok {
				return dateExpr{value: ymd(y, m, d)}, k + 1 - i
			}
			if hasPub {
				return dateExpr{value: ymd(monthYear(m, pub, future), m, d)}, 2
			}
		}
		k := i + 1
		if at(k).Text == "," {
			k++
		}
		if y, ok := year(at(k)); ok {
			return dateExpr{value: ymd(y, m, 0)}, k + 1 - i
		}
		if hasPub {
			return dateExpr{value: ymd(monthYear(m, pub, future), m, 0)}, 1
		}
		return dateExpr{}, 0
	}
	// "14 March 2025", "14 March"
	if d, ok := day(t); ok && t.Kind == tokNumber || ok && len(t.Text) > 2 {
		if m, ok := months[at(i+1).Lower]; ok && at(i+1).Cap() {
			if y, ok := year(at(i + 2)); ok {
				return dateExpr{value: ymd(y, m, d)}, 3
			}
			if hasPub {
				return dateExpr{value: ymd(monthYear(m, pub, future), m, d)}, 2
			}
		}
	}
	// a year; "2024-25" is a financial year starting in 2024
	if y, ok := year(t); ok {
		if at(i+1).Lower == "percent" || at(i+1).Text == "%" || scales[at(i+1).Lower] > 0 && at(i+1).Lower != "m" || countNouns[at(i+1).Lower] != "" {
			return dateExpr{}, 0
		}
		if i > 0 && toks[i-1].Kind == tokMoney {
			return dateExpr{}, 0
		}
		return dateExpr{value: strconv.Itoa(y)}, 1
	}
	// "the first/second half of 2024", "the third quarter of 2024": the year
	if (t.Lower == "first" || t.Lower == "second" || t.Lower == "third" || t.Lower == "fourth") &&
		(at(i+1).Lower == "half" || at(i+1).Lower == "quarter") && at(i+2).Lower == "of" {
		if y, ok := year(at(i + 3)); ok {
			return dateExpr{value: strconv.Itoa(y)}, 4
		}
		if at(i+3).Lower == "this" && at(i+4).Lower == "year" && hasPub {
			return dateExpr{value: strconv.Itoa(pub.Year())}, 5
		}
		if (at(i+3).Lower == "last" || at(i+3).Lower == "next") && at(i+4).Lower == "year" && hasPub {
			y := pub.Year() - 1
			if at(i+3).Lower == "next" {
				y = pub.Year() + 1
			}
			return dateExpr{value: strconv.Itoa(y)}, 5
		}
	}
	if !hasPub {
		return dateExpr{}, 0
	}
	// relative dates
	switch t.Lower {
	case "today", "tonight":
		return dateExpr{value: pub.Format("2006-01-02")}, 1
	case "yesterday":
		return dateExpr{value: pub.AddDate(0, 0, -1).Format("2006-01-02")}, 1
	case "tomorrow":
		return dateExpr{value: pub.AddDate(0, 0, 1).Format("2006-01-02")}, 1
	case "last", "this", "next", "earlier", "later", "late", "early":
		k := i + 1
		if (t.Lower == "earlier" || t.Lower == "later" || t.Lower == "late" || t.Lower == "early") && (at(k).Lower == "this" || at(k).Lower == "last" || at(k).Lower == "next") {
			k++
		}
		rel := toks[k-1].Lower
		if rel != "last" && rel != "this" && rel != "next" {
			return dateExpr{}, 0
		}
		step := map[string]int{"last": -1, "this": 0, "next": 1}[rel]
		switch at(k).Lower {
		case "year":
			return dateExpr{value: strconv.Itoa(pub.Year() + step)}, k + 1 - i
		case "month":
			return dateExpr{value: pub.AddDate(0, step, 0).Format("2006-01")}, k + 1 - i
		}
		if wd, ok := weekdays[at(k).Lower]; ok && at(k).Cap() {
			return dateExpr{value: weekdayDate(pub, wd, step).Format("2006-01-02")}, k + 1 - i
		}
	case "on", "from":
		// "on Tuesday": the latest Tuesday on or before publication (or after it, for the future)
		if wd, ok := weekdays[at(i+1).Lower]; ok && at(i+1).Cap() {
			step := -1
			if future {
				step = 1
			}
			return dateExpr{value: weekdayDate(pub, wd, step).Format("2006-01-02")}, 2
		}
	}
	if wd, ok := weekdays[t.Lower]; ok && t.Cap() {
		return dateExpr{value: weekdayDate(pub, wd, -1).Format("2006-01-02")}, 1
	}
	// "two years ago", "a year ago", "three months ago"
	n, isNum := smallNumbers[t.Lower]
	if t.Lower == "a" || t.Lower == "an" {
		n, isNum = 1, true
	}
	if v, ok := parseNumber(t.Text); ok && t.Kind == tokNumber {
		n, isNum = v, true
	}
	if isNum && at(i+2).Lower == "ago" {
		switch at(i + 1).Lower {
		case "year", "years":
			return dateExpr{value: strconv.Itoa(pub.Year() - int(n))}, 3
		case "month", "months":
			return dateExpr{value: pub.AddDate(0, -int(n), 0).Format("2006-01")}, 3
		}
	}
	return dateExpr{}, 0
}

// weekdayDate returns the weekday wd nearest to pub in the direction step: -1 the latest on or
// before pub, 1 the first after it, 0 the one in pub's week.
func weekdayDate(pub time.Time, wd, step int) time.Time {
	diff := wd - int(pub.Weekday())
	switch step {
	case -1:
		if diff > 0 {
			diff -= 7
		}
	case 1:
		if diff <= 0 {
			diff += 7
		}
	}
	return pub.AddDate(0, 0, diff)
}

// mayIsMonth tells the month May from the verb may.
func mayIsMonth(toks []token, i int) bool {
	if i+1 < len(toks) {
		if _, ok := year(toks[i+1]); ok {
			return true
		}
		if _, ok := day(toks[i+1]); ok && toks[i+1].Kind == tokNumber {
			return true
		}
	}
	if i > 0 {
		switch toks[i-1].Lower {
		case "in", "since", "until", "by", "last", "this", "next", "early", "late", "mid", "from", "of", "during":
			return true
		}
	}
	return false
}
