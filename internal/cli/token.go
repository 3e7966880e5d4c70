package cli

import (
	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/api"
)

func (a *App) tokenCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "token", Short: "Manage API tokens"}
	var scope, name string
	create := &cobra.Command{
		Use:   "create",
		Short: "Create an API token and print it once (only its hash is stored)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.Store(cmd.Context())
			if err != nil {
				return err
			}
			token, err := api.CreateToken(cmd.Context(), s, scope, name)
			if err != nil {
				return err
			}
			if a.json {
				return a.PrintJSON(map[string]string{"token": token, "scope": scope})
			}
			a.Printf("%s\n", token)
			return nil
		},
	}
	create.Flags().StringVar(&scope, "scope", api.ScopeWrite, "write or admin")
	create.Flags().StringVar(&name, "name", "", "a note on what the token is for")
	cmd.AddCommand(create)
	return cmd
}
