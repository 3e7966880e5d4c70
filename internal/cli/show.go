package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/profile"
)

func (a *App) showCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "show ID|SCHEME:VALUE|NAME",
		Short: "Show one entity with its statements, their sources and evidence",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.Store(ctx)
			if err != nil {
				return err
			}
			e, redirected, err := profile.Find(ctx, s, args[0])
			if err != nil {
				return err
			}
			p, err := profile.Build(ctx, s, e)
			if err != nil {
				return err
			}
			if a.json {
				return a.PrintJSON(p)
			}
			if redirected != "" {
				a.Printf("(%s was merged into %s)\n", redirected, e.ID)
			}
			printProfile(a, p)
			return nil
		},
	}
}

func printProfile(a *App, p *profile.Entity) {
	kind := p.Type
	if p.Category != "" {
		kind += ", " + p.Category
	}
	a.Printf("%s  [%s]  id: %s\n", p.Name, kind, p.ID)
	if len(p.Aliases) > 0 {
		var names []string
		for _, al := range p.Aliases {
			n := al.Value
			if al.Lang != "" && al.Lang != "en" {
				n += " (" + al.Lang + ")"
			}
			names = append(names, n)
		}
		a.Printf("  also: %s\n", strings.Join(names, "; "))
	}
	if len(p.Identifiers) > 0 {
		var ids []string
		for k, v := range p.Identifiers {
			ids = append(ids, k+":"+v)
		}
		sort.Strings(ids)
		a.Printf("  identifiers: %s\n", strings.Join(ids, "  "))
	}
	for _, m := range p.MergedFrom {
		a.Printf("  merged from %s (%s)\n", m.From, m.Reason)
	}
	sources := map[string]profile.Source{}
	var order []string
	groups := map[string][]profile.Statement{}
	for _, st := range p.Statements {
		key := st.Kind + " " + st.Predicate
		if st.Direction == "in" {
			key = st.Kind + " ← " + st.Predicate
		}
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], st)
		sources[st.Source.ID] = st.Source
	}
	sort.Strings(order)
	refs := map[string]int{}
	var refOrder []string
	refOf := func(id string) int {
		if n, ok := refs[id]; ok {
			return n
		}
		refOrder = append(refOrder, id)
		refs[id] = len(refOrder)
		return refs[id]
	}
	for _, key := range order {
		a.Printf("\n%s\n", key)
		for _, st := range groups[key] {
			a.Printf("  %s  [%d]\n", describe(st), refOf(st.Source.ID))
			if st.Evidence != "" {
				a.Printf("      “%s”\n", st.Evidence)
			}
		}
	}
	if len(refOrder) > 0 {
		a.Printf("\nsources\n")
		for i, id := range refOrder {
			s := sources[id]
			line := fmt.Sprintf("  [%d] %s", i+1, s.Title)
			if s.Published != "" {
				line += " (" + s.Published + ")"
			}
			if s.URL != "" {
				line += " " + s.URL
			}
			a.Printf("%s\n", line)
		}
	}
}

// describe says one statement in a line.
func describe(st profile.Statement) string {
	var b strings.Builder
	switch st.Kind {
	case "relation":
		if st.Direction == "in" {
			b.WriteString(st.SubjectName)
		} else {
			b.WriteString(st.ObjectName)
		}
	case "event":
		b.WriteString(st.Date)
	default:
		if st.Value != nil {
			fmt.Fprint(&b, st.Value)
		}
		if st.Unit != "" && st.Unit != "count" {
			b.WriteString(" " + st.Unit)
		}
		if st.Qualifier != "" && st.Qualifier != "exact" {
			b.WriteString(" (" + strings.ReplaceAll(st.Qualifier, "_", " ") + ")")
		}
		if st.Period != "" {
			b.WriteString(" in " + st.Period)
		}
		if st.ChangePercent != nil {
			fmt.Fprintf(&b, " %+g%%", *st.ChangePercent)
			if st.BasePeriod != "" {
				b.WriteString(" on " + st.BasePeriod)
			}
		}
	}
	for _, q := range []struct{ k, v string }{{"role", st.Role}, {"date", st.Date}, {"duration", st.Duration}, {"amount", st.Amount}} {
		if q.v != "" && !(q.k == "date" && st.Kind == "event") {
			b.WriteString("  " + q.k + ": " + q.v)
		}
	}
	return strings.TrimSpace(b.String())
}
