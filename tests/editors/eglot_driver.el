;;; eglot_driver.el --- drive eglot like a user  -*- lexical-binding: t -*-

;; Loaded after the docs' init snippet: `emacs --batch -q -l init.el -l eglot_driver.el'.
;; Opens $TEXTSWEEP_TEST_FILE, waits for the diagnostics, applies the preferred quick
;; fix through `eglot-code-actions' (the menu answered with its default, as a user
;; pressing RET), then the snippet's `textsweep-fix-all', then saves.  Everything it
;; sees goes to $TEXTSWEEP_TEST_OUT as JSON; test_editors.py asserts on it.
;; $TEXTSWEEP_TEST_MODE: "full" as above, "format" only saves (fix on save).

(require 'cl-lib)
(require 'json)
(require 'eglot)
(require 'flymake)

(defvar textsweep-test--log nil "Alist written as JSON at the end.")
(defvar textsweep-test--raw nil "publishDiagnostics params, newest first.")
(defvar textsweep-test--menus nil "Menus shown by `completing-read'.")
(defvar textsweep-test--t0 (float-time))
(defconst textsweep-test--timeout
  (/ (string-to-number (or (getenv "TEXTSWEEP_TEST_TIMEOUT_MS") "20000")) 1000.0))

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics
           &allow-other-keys)
  (push (list (cons 'uri uri)
              (cons 'diagnostics
                    (vconcat (mapcar (lambda (d)
                                       (list (cons 'code (plist-get d :code))
                                             (cons 'range (plist-get d :range))))
                                     diagnostics))))
        textsweep-test--raw))

(defvar textsweep-test--messages nil "window/showMessage params, newest first.")
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql window/showMessage)) &key type message &allow-other-keys)
  (push (list (cons 'type type) (cons 'message message)) textsweep-test--messages))

(defun textsweep-test--ms ()
  (round (* 1000 (- (float-time) textsweep-test--t0))))

(defun textsweep-test--range-json (range)
  (let ((s (plist-get range :start)) (e (plist-get range :end)))
    (list (cons 'start (list (cons 'line (plist-get s :line))
                             (cons 'character (plist-get s :character))))
          (cons 'end (list (cons 'line (plist-get e :line))
                           (cons 'character (plist-get e :character)))))))

(defun textsweep-test--diags ()
  "Flymake's eglot diagnostics: buffer positions (code points) and the LSP ones."
  (let (out)
    (dolist (d (flymake-diagnostics (point-min) (point-max)))
      (let* ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))))
             (beg (flymake-diagnostic-beg d))
             (end (flymake-diagnostic-end d)))
        (when lsp
          (push (list (cons 'line (1- (line-number-at-pos beg)))
                      (cons 'col (- beg (save-excursion (goto-char beg) (line-beginning-position))))
                      (cons 'end_line (1- (line-number-at-pos end)))
                      (cons 'end_col (- end (save-excursion (goto-char end) (line-beginning-position))))
                      (cons 'type (symbol-name (flymake-diagnostic-type d)))
                      (cons 'code (plist-get lsp :code))
                      (cons 'severity (plist-get lsp :severity))
                      (cons 'message (plist-get lsp :message))
                      (cons 'lsp_range (textsweep-test--range-json (plist-get lsp :range))))
                out))))
    (vconcat (sort out (lambda (a b)
                         (or (< (alist-get 'line a) (alist-get 'line b))
                             (and (= (alist-get 'line a) (alist-get 'line b))
                                  (< (alist-get 'col a) (alist-get 'col b)))))))))

(defun textsweep-test--lines ()
  (vconcat (split-string (buffer-substring-no-properties (point-min) (point-max)) "\n")))

(defun textsweep-test--sync ()
  "What Emacs does when idle, which a batch session never is."
  (when eglot--managed-mode
    (eglot--signal-textDocument/didChange)
    (flymake-start)))

(defun textsweep-test--wait (what pred)
  (let ((deadline (+ (float-time) textsweep-test--timeout))
        (last-flymake 0.0))
    (while (not (funcall pred))
      (when (> (float-time) deadline)
        (error "Timed out waiting for %s; diagnostics %S; text %S"
               what (textsweep-test--diags) (buffer-string)))
      (accept-process-output nil 0.02)
      ;; Flymake only hears about diagnostics during a run: start one now and then.
      (when (and eglot--managed-mode (> (- (float-time) last-flymake) 0.2))
        (setq last-flymake (float-time))
        (flymake-start)))))

(defun textsweep-test--step (name &rest extra)
  (push (append (list (cons 'name name) (cons 't_ms (textsweep-test--ms))) extra)
        (alist-get 'steps textsweep-test--log)))

(defun textsweep-test--run ()
  (let ((mode (or (getenv "TEXTSWEEP_TEST_MODE") "full")))
    (find-file (getenv "TEXTSWEEP_TEST_FILE"))
    (setf (alist-get 'major_mode textsweep-test--log) (symbol-name major-mode))
    ;; eglot-ensure connects from post-command-hook, after the first command.
    (run-hooks 'post-command-hook)
    (textsweep-test--wait "eglot to manage the buffer" (lambda () eglot--managed-mode))
    (setf (alist-get 'server_info textsweep-test--log)
          (plist-get (eglot--server-info (eglot-current-server)) :name))
    (textsweep-test--wait "3 diagnostics" (lambda () (= (length (textsweep-test--diags)) 3)))
    (textsweep-test--step "initial" (cons 'diagnostics (textsweep-test--diags))
                          (cons 'lines (textsweep-test--lines)))
    (when (equal mode "full")
      ;; Quick fix: point on the U+200B, M-x eglot-code-actions, RET.
      (let ((first-line (aref (textsweep-test--lines) 0)))
        (goto-char (flymake-diagnostic-beg
                    (car (sort (flymake-diagnostics (point-min) (point-max))
                               (lambda (a b) (< (flymake-diagnostic-beg a)
                                                (flymake-diagnostic-beg b)))))))
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_prompt collection &rest args)
                     (push (vconcat (mapcar #'car collection)) textsweep-test--menus)
                     ;; RET takes the default, which eglot sets to the preferred action.
                     (nth 4 args))))
          (let ((last-nonmenu-event ?\r))
            (call-interactively #'eglot-code-actions)))
        (textsweep-test--sync)
        (textsweep-test--wait "the quick fix"
                              (lambda () (not (equal (aref (textsweep-test--lines) 0)
                                                     first-line))))
        (textsweep-test--wait "2 diagnostics"
                              (lambda () (= (length (textsweep-test--diags)) 2)))
        (textsweep-test--step "quickfix" (cons 'diagnostics (textsweep-test--diags))
                              (cons 'lines (textsweep-test--lines))
                              (cons 'menu (car textsweep-test--menus))))
      ;; Fix all: the snippet's key, C-c t f.
      (goto-char (point-min))
      (execute-kbd-macro (kbd "C-c t f"))
      (textsweep-test--sync)
      (textsweep-test--wait "fix-all" (lambda () (= (length (textsweep-test--diags)) 0)))
      (textsweep-test--step "fixall" (cons 'diagnostics (textsweep-test--diags))
                            (cons 'lines (textsweep-test--lines))))
    (when (equal mode "format")
      ;; C-x C-s saves (and runs before-save-hook) only a modified buffer: type a
      ;; character and delete it, then pause as a person would (eglot sends
      ;; didChange when idle, which a batch Emacs never is).
      (goto-char (point-max))
      (insert "x")
      (delete-char -1)
      (textsweep-test--sync))
    (save-buffer)
    (textsweep-test--step "written" (cons 'lines (textsweep-test--lines))
                          (cons 'modified (if (buffer-modified-p) t :json-false)))))

(defun textsweep-test--finish (ok err)
  (setf (alist-get 'ok textsweep-test--log) (if ok t :json-false))
  (setf (alist-get 'error textsweep-test--log) err)
  (setf (alist-get 'emacs textsweep-test--log) emacs-version)
  (setf (alist-get 'eglot textsweep-test--log)
        (or (ignore-errors (package-get-version)) (locate-library "eglot")))
  (setf (alist-get 'steps textsweep-test--log)
        (vconcat (reverse (alist-get 'steps textsweep-test--log))))
  (setf (alist-get 'raw_publish textsweep-test--log) (vconcat (reverse textsweep-test--raw)))
  (setf (alist-get 'messages textsweep-test--log) (vconcat (reverse textsweep-test--messages)))
  (setf (alist-get 'menus textsweep-test--log) (vconcat (reverse textsweep-test--menus)))
  (let ((coding-system-for-write 'utf-8))
    (with-temp-file (getenv "TEXTSWEEP_TEST_OUT")
      (insert (json-encode textsweep-test--log))))
  (kill-emacs (if ok 0 1)))

(condition-case err
    (progn (textsweep-test--run) (textsweep-test--finish t nil))
  (error (textsweep-test--finish nil (error-message-string err))))

;;; eglot_driver.el ends here
