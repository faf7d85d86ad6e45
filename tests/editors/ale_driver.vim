" Drives Vim + ALE like a user, after the docs' vimrc has been loaded:
"   vim -N -u vimrc -i NONE -n -es -S ale_driver.vim FILE
" Waits for the diagnostics, jumps to the first one (:ALENext), runs :ALECodeAction and
" types the number of the U+200B fix, then :ALECodeAction again and the number of the
" fix-all action, then :write. What it sees goes to $TEXTSWEEP_TEST_OUT as JSON.
" $TEXTSWEEP_TEST_MODE: full (as above) or attach (diagnostics, then :write).

let s:out = $TEXTSWEEP_TEST_OUT
let s:mode = empty($TEXTSWEEP_TEST_MODE) ? 'full' : $TEXTSWEEP_TEST_MODE
let s:timeout = str2nr(empty($TEXTSWEEP_TEST_TIMEOUT_MS) ? '20000' : $TEXTSWEEP_TEST_TIMEOUT_MS)
let s:t0 = reltime()
let s:log = {'vim': v:version, 'patch': get(v:, 'versionlong', 0), 'mode': s:mode,
\            'steps': [], 'menus': [], 'filetype': &filetype}
let s:pick = ''

function! s:Ms() abort
  return float2nr(reltimefloat(reltime(s:t0)) * 1000)
endfunction

" ALE's loclist for this buffer, only textsweep's entries. ALE's columns are
" 1-based byte columns in the buffer line.
function! s:Diags() abort
  let l:out = []
  for l:e in ale#engine#GetLoclist(bufnr(''))
    if get(l:e, 'linter_name', '') is# 'textsweep'
      call add(l:out, {'lnum': l:e.lnum, 'col': l:e.col,
      \ 'end_lnum': get(l:e, 'end_lnum', -1), 'end_col': get(l:e, 'end_col', -1),
      \ 'type': l:e.type, 'code': get(l:e, 'code', ''), 'text': l:e.text})
    endif
  endfor
  return l:out
endfunction

function! s:Wait(what, cond) abort
  let l:deadline = reltimefloat(reltime()) + s:timeout / 1000.0
  while !eval(a:cond)
    if reltimefloat(reltime()) > l:deadline
      throw 'timed out waiting for ' . a:what . '; loclist ' . string(s:Diags())
      \ . '; lines ' . string(getline(1, '$'))
    endif
    sleep 20m
  endwhile
endfunction

function! s:Step(name, extra) abort
  call add(s:log.steps, extend({'name': a:name, 't_ms': s:Ms()}, a:extra))
endfunction

" The menu :ALECodeAction prints is 'N) title' lines; answer like a user reading it.
runtime autoload/ale/util.vim
function! ale#util#Input(message, value, ...) abort
  call add(s:log.menus, a:message)
  for l:line in split(a:message, "\n")
    let l:m = matchlist(l:line, '^\(\d\+\)) \(.*\)$')
    if !empty(l:m) && l:m[2] =~# s:pick
      return l:m[1]
    endif
  endfor
  return ''
endfunction

function! s:Run() abort
  let s:log.filetype = &filetype
  call s:Wait('3 diagnostics', 'len(s:Diags()) == 3')
  call s:Step('initial', {'diagnostics': s:Diags(), 'lines': getline(1, '$')})
  if s:mode is# 'full'
    let l:first = getline(1)
    call cursor(1, 1)
    ALENext
    let s:log.cursor_after_alenext = getpos('.')[1:2]
    let s:pick = '^Remove U+200B'
    ALECodeAction
    call s:Wait('the quick fix', 'getline(1) isnot# ' . string(l:first))
    ALELint
    call s:Wait('2 diagnostics', 'len(s:Diags()) == 2')
    call s:Step('quickfix', {'diagnostics': s:Diags(), 'lines': getline(1, '$')})

    let s:before = getline(1, '$')
    call cursor(2, 1)
    ALENext
    let s:pick = 'fix all safe problems'
    ALECodeAction
    call s:Wait('fix-all', 'getline(1, "$") !=# s:before')
    ALELint
    call s:Wait('no diagnostics', 'len(s:Diags()) == 0')
    call s:Step('fixall', {'diagnostics': s:Diags(), 'lines': getline(1, '$')})
  endif
  write
  call s:Step('written', {'lines': getline(1, '$'), 'modified': &modified})
endfunction

try
  call s:Run()
  let s:log.ok = v:true
catch
  let s:log.ok = v:false
  let s:log.error = v:exception . ' @ ' . v:throwpoint
endtry
call writefile([json_encode(s:log)], s:out)
if s:log.ok
  qall!
else
  cquit 1
endif
