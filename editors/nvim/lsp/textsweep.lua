-- textsweep language server for Neovim 0.11+ (also read by nvim-lspconfig).
--
-- Copy this file to ~/.config/nvim/lsp/textsweep.lua (any `lsp/` directory on
-- 'runtimepath' works) and add `vim.lsp.enable('textsweep')` to init.lua.
-- Override any field with vim.lsp.config('textsweep', { ... }), for instance
--   vim.lsp.config('textsweep', {
--     settings = { textsweep = { rules = { ['doubled-space'] = 'error' } } },
--   })
-- Settings: docs/settings.md in the textsweep repository. (No `settings` here on
-- purpose: Neovim sends an empty Lua table as a JSON array, not an object.)

---@type vim.lsp.Config
return {
  cmd = { 'textsweep', 'serve' },
  filetypes = { 'text', 'markdown', 'gitcommit', 'rst', 'tex', 'asciidoc', 'org', 'mail' },
  root_markers = { 'pyproject.toml', '.git' },
}
