-- Drives Neovim (0.7 or 0.11) through what a user does, after the docs' init.lua has
-- been loaded and the sample file opened. Observations go to $TEXTSWEEP_TEST_OUT as
-- JSON; test_editors.py asserts on them and on the bytes written to disk.
--
-- $TEXTSWEEP_TEST_MODE:
--   full    wait for diagnostics, apply the preferred quick fix on the U+200B, then
--           fix-all through the documented call, then :write
--   format  wait for diagnostics, then :write (the documented BufWritePre formatting)
--   attach  wait for diagnostics only, then :write (settings/encoding checks)
--   workspace  wait for diagnostics, then the docs' :TextsweepCheckWorkspace (the
--           closed file $TEXTSWEEP_TEST_OTHER gets diagnostics), :TextsweepFixWorkspace!
--           (counts), :TextsweepFixWorkspace (edits), then :wall

local out_path = assert(os.getenv('TEXTSWEEP_TEST_OUT'), 'TEXTSWEEP_TEST_OUT unset')
local mode = os.getenv('TEXTSWEEP_TEST_MODE') or 'full'
local timeout = tonumber(os.getenv('TEXTSWEEP_TEST_TIMEOUT_MS') or '20000')

local v = vim.version()
local is_011 = v.minor >= 11 or v.major > 0
local log = {
  nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch),
  mode = mode,
  steps = {},
  raw_publish = {},
}
local buf = vim.api.nvim_get_current_buf()
local t0 = vim.loop.hrtime()

local function ms()
  return math.floor((vim.loop.hrtime() - t0) / 1e6)
end

local function step(name, data)
  data = data or {}
  data.name = name
  data.t_ms = ms()
  table.insert(log.steps, data)
end

local function finish(ok, err)
  log.ok = ok
  log.error = err
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(log))
  f:close()
  if ok then
    vim.cmd('qall!')
  else
    vim.cmd('cquit 1')
  end
end

-- Record what the server pushes, before Neovim converts it (0.7 only: 0.11 keeps
-- the original LSP diagnostic in user_data.lsp, and may pull instead of push).
local orig_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result then
    table.insert(log.raw_publish, {
      uri = result.uri,
      version = result.version,
      diagnostics = result.diagnostics,
    })
  end
  return orig_publish(err, result, ctx, config)
end

log.messages = {}
local orig_show = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, config)
  if result then
    table.insert(log.messages, { type = result.type, message = result.message })
  end
  return orig_show(err, result, ctx, config)
end

-- Work-done progress as the server sends it, and what the statusline shows of it
-- (vim.lsp.status() consumes the messages: record what it returns to whoever asks).
log.progress = {}
log.status = {}
if vim.lsp.status then
  local orig_status = vim.lsp.status
  vim.lsp.status = function()
    local s = orig_status()
    if s ~= '' then
      table.insert(log.status, s)
    end
    return s
  end
end
local orig_progress = vim.lsp.handlers['$/progress']
vim.lsp.handlers['$/progress'] = function(err, result, ctx, config)
  if result and type(result.value) == 'table' then
    table.insert(log.progress, { kind = result.value.kind, title = result.value.title })
  end
  local ret = orig_progress(err, result, ctx, config)
  if mode == 'workspace' then
    vim.api.nvim_eval_statusline(vim.o.statusline, {})  -- as a redraw would
  end
  return ret
end

-- What the docs' commands tell the user.
log.notes = {}
if mode == 'workspace' then
  vim.notify = function(msg)
    table.insert(log.notes, msg)
  end
end

local function client()
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = buf, name = 'textsweep' })[1]
  end
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
    if c.name == 'textsweep' then
      return c
    end
  end
end

local function diagnostics()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'textsweep' then
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(out, {
        lnum = d.lnum,
        col = d.col,
        end_lnum = d.end_lnum,
        end_col = d.end_col,
        severity = d.severity,
        code = d.code or lsp.code,
        message = d.message,
        lsp_range = lsp.range,
      })
    end
  end
  table.sort(out, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return out
end

local function lines()
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

local function wait_for(what, pred)
  local ok = vim.wait(timeout, pred, 20)
  if not ok then
    error('timed out waiting for ' .. what .. '; diagnostics: ' .. vim.inspect(diagnostics())
      .. '; lines: ' .. vim.inspect(lines()))
  end
end

-- vim.ui.select stand-in: records the menu and picks like a user would.
local menus = {}
local function stub_select(pick)
  vim.ui.select = function(items, opts, on_choice)
    local titles = {}
    for _, item in ipairs(items) do
      local action = item.action or item[2]
      table.insert(titles, { title = action.title, kind = action.kind,
        isPreferred = action.isPreferred or false })
    end
    table.insert(menus, titles)
    for i, item in ipairs(items) do
      if pick(item.action or item[2]) then
        return on_choice(item, i)
      end
    end
    on_choice(nil, nil)
  end
end

local function code_actions_at(only)
  -- The menu a user would see, asked for with the same parameters Neovim sends.
  local c = client()
  local params = vim.lsp.util.make_range_params(0, c.offset_encoding)
  local cur = vim.api.nvim_win_get_cursor(0)
  local lsp_diags = {}
  for _, d in ipairs(vim.diagnostic.get(buf, { lnum = cur[1] - 1 })) do
    if d.user_data and d.user_data.lsp and d.user_data.lsp.range then
      table.insert(lsp_diags, d.user_data.lsp)
    end
  end
  params.context = { diagnostics = lsp_diags, only = only }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, timeout)
  local out = {}
  for _, r in pairs(res or {}) do
    for _, a in ipairs(r.result or {}) do
      table.insert(out, { title = a.title, kind = a.kind, isPreferred = a.isPreferred or false })
    end
  end
  return out
end

local function run()
  wait_for('the client to attach', function()
    local c = client()
    return c ~= nil and c.server_capabilities ~= nil and c.initialized ~= false
  end)
  local c = client()
  log.offset_encoding = c.offset_encoding
  log.filetype = vim.bo[buf].filetype
  log.settings = c.config.settings

  wait_for('3 diagnostics', function()
    return #diagnostics() == 3
  end)
  step('initial', { diagnostics = diagnostics(), lines = lines() })

  if mode == 'full' then
    -- Quick fix: cursor on the U+200B, apply the preferred fix.
    local zw = diagnostics()[1]
    vim.api.nvim_win_set_cursor(0, { zw.lnum + 1, zw.col })
    local menu = code_actions_at({ 'quickfix' })
    if is_011 then
      vim.lsp.buf.code_action({
        context = { only = { 'quickfix' } },
        filter = function(a)
          return a.isPreferred
        end,
        apply = true,
      })
    else
      stub_select(function(a)
        return a.isPreferred
      end)
      vim.lsp.buf.code_action({ only = { 'quickfix' } })
    end
    wait_for('the quick fix', function()
      return lines()[1] ~= log.steps[1].lines[1]
    end)
    wait_for('2 diagnostics after the quick fix', function()
      return #diagnostics() == 2
    end)
    step('quickfix', { menu = menu, diagnostics = diagnostics(), lines = lines() })

    -- Fix all: press the docs' <leader>tf (0.7: then choose the entry in the menu).
    vim.api.nvim_win_set_cursor(0, { 1, 0 })
    stub_select(function(a)
      return a.kind == 'source.fixAll.textsweep'
    end)
    local leader = vim.g.mapleader or '\\'
    vim.cmd('normal ' .. leader .. 'tf')
    wait_for('fix-all', function()
      return #diagnostics() == 0
    end)
    step('fixall', { diagnostics = diagnostics(), lines = lines() })
  end

  if mode == 'workspace' then
    local other_uri = vim.uri_from_fname(assert(os.getenv('TEXTSWEEP_TEST_OTHER')))
    local function noted(pattern)
      return function()
        for _, n in ipairs(log.notes) do
          if n:match(pattern) then
            return true
          end
        end
        return false
      end
    end
    vim.cmd('TextsweepCheckWorkspace')
    wait_for('the check of the workspace', noted('^textsweep: %d+ problems in %d+ files$'))
    local closed = {}
    for _, p in ipairs(log.raw_publish) do
      if p.uri == other_uri then
        closed = p.diagnostics
      end
    end
    step('checked', { closed = closed, notes = vim.deepcopy(log.notes) })
    vim.cmd('TextsweepFixWorkspace!')
    wait_for('the dry run', noted('^textsweep: would fix'))
    vim.cmd('TextsweepFixWorkspace')
    wait_for('the fixes', noted('^textsweep: fixed'))
    step('fixed', { notes = vim.deepcopy(log.notes), lines = lines() })
    vim.cmd('wall')
  end

  vim.cmd('write')
  step('written', { lines = lines(), modified = vim.bo[buf].modified })
  log.menus = menus
end

local ok, err = xpcall(run, debug.traceback)
finish(ok, err)
