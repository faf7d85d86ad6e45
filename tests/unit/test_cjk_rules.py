"""Chinese and Japanese rules and the detection behind them: the issue's
one-liners, the safe/unsafe split of the fixes, and real professionally edited
text that must not be flagged."""

from __future__ import annotations

from textsweep.engine import Config, Document, all_rules, fix_all, lint, parse_settings
from textsweep.engine import language as L

from .helpers import findings, fixed

CJK = [r.id for r in all_rules() if r.family in ("chinese", "japanese")]
RULED = ("french", "english", "german", "spanish", "italian", "chinese", "japanese")

# Debian FAQ, Simplified Chinese translation (debian-faq-zh-cn 11.1; excerpt kept in
# tests/realtext/files/zh/debian-faq.zh-cn.1.txt, lines 8-28).
DEBIAN_FAQ_ZH = """\
    当我们提及自由软件（free software）的时候，“free”指的是自由，不是
    价格。自由软件意味着您可以自由分发其拷贝、您已收到，或在需要的时
    候能够获得其源代码、您可以修改该软件或在新的自由软件中使用它的一
    部分；并且，您知道您可以做这些事情。

    Debian 计划于 1993 年由 Ian Murdock 建立，最初受到自由软件基金会
    的 GNU 计划的赞助。如今，Debian 的开发者认为它是 GNU 计划的直系后
    裔。

    虽然 Debian GNU/Linux 本身是自由软件，它也为其他更具价值的 Linux
    发行版的开发提供了基础。通过提供一个可靠的、全功能的基本系统，
    Debian 向 Linux 用户提供了更好的兼容性，也使得 Linux 发行版开发者
    不必进行重复的劳动，并专注于能使他们的发行版别具一格的工作。阅读
    第 14.3 节 “我想面向一个“垂直市场”发布一个特殊的 Linux 发行版。我
    可以使用 Debian GNU/Linux 作为发行版的核心部分，并在上层添加我自
    己的应用程序吗？”获得更多信息。

1.3. 好的，我知道什么是 Debian 了……什么是 Linux？！

    简而言之，Linux 是一个类 Unix 操作系统的内核。它最初为 386（或更
    高的）PC 设计；如今 Linux 也可以在许多其他系统上运行。Linux 由
    Linus Torvalds 以及世界各地的许多计算机科学家写就。
"""

# Debian Reference, Japanese translation (debian-reference-ja 2.100; excerpt kept in
# tests/realtext/files/ja/debian-reference.ja.1.txt, lines 1-9 and 20-30).
DEBIAN_REFERENCE_JA = """\
    1行のシェルスクリプトは find(1) や xargs(1) を使って非常に複雑な
    操作を多くのファイルに繰り返し実行できます。「ファイル選択の慣用
    句」と「ファイルに関してループしながらコマンドを反復実行」を参照
    下さい。

    シェルの対話モードを使うのが複雑過ぎるようになったときには、シェ
    ルのスクリプトを書くのも一計です (「シェルスクリプト」参照下さい)
    。

第2章 Debian パッケージ管理

    注記

    本章は最新安定版リリースがコード名: bullseye と言う前提で書かれて
    います。

    Debian は、フリーソフトウエアーのコンパイル済みバイナリーパッケー
    ジからなる整合性あるディストリビューションを作り、そのアーカイブ
    を通じてそれらを頒布するボランティア組織です。
"""

# Debian apt 2.6.1 message catalogues (/usr/share/locale/*/LC_MESSAGES/apt.mo):
# the first messages of 50-160 characters without placeholders, in msgid order.
OTHER_LANGUAGES = {
    "pl": "Następujący pakiet został zainstalowany automatycznie i nie jest już więcej wymagany:",
    "pt": "O cache está fora de sincronia, não foi possível fazer a referência cruzada "
    "de um arquivo de pacote",
    "nl": "De volgende pakketten zijn automatisch geïnstalleerd en zijn niet langer nodig:",
    "ru": "Следующие пакеты устанавливались автоматически и больше не требуются:",
    "uk": "Наступні пакунки були встановлені автоматично і більше не потрібні:",
    "cs": "Následující balíky byly nainstalovány automaticky a již nejsou potřeba:",
    "sv": "Följande paket har installerats automatiskt och är inte längre nödvändiga:",
}


def _cjk(text: str, language_id: str = "plaintext", **settings: object) -> list[str]:
    config, warnings = parse_settings({**settings})
    assert not warnings
    return [f.rule for f in lint(Document(text, language_id), config) if f.rule in CJK]


def _language(text: str) -> str | None:
    return L.language_map(Document(text), Config()).paragraphs[0].language


# --------------------------------------------------------------------------- real text


def test_real_chinese_text_is_not_flagged() -> None:
    assert _language(DEBIAN_FAQ_ZH) == "zh"
    assert _cjk(DEBIAN_FAQ_ZH) == []
    assert _cjk(DEBIAN_FAQ_ZH, language="zh-CN") == []


def test_real_japanese_text_is_not_flagged() -> None:
    m = L.language_map(Document(DEBIAN_REFERENCE_JA), Config())
    # 注記 (Han alone) is Japanese in a Japanese document
    assert {p.language for p in m.paragraphs} == {"ja"}
    assert _cjk(DEBIAN_REFERENCE_JA) == []
    assert _cjk(DEBIAN_REFERENCE_JA, language="ja") == []


def test_other_languages_get_no_language_rules() -> None:
    for lang, text in OTHER_LANGUAGES.items():
        got = _language(text + "\n")
        assert got is None or got == lang or got == "other", (lang, got)
        assert [f.rule for f in lint(Document(text + "\n")) if f.rule.startswith(RULED)] == []


# --------------------------------------------------------------------------- one-liners


def test_issue_one_liners_are_flagged_with_language_auto() -> None:
    def rules(text: str) -> list[str]:
        return sorted({f.rule for f in lint(Document(text + "\n"))})

    assert rules("„Hallo“… ” ,ok") == ["german-quotes", "german-space-before"]
    assert rules("Qué tal?") == ["spanish-inverted-marks"]
    assert rules("¿ Qué ?") == ["spanish-space-before", "spanish-space-inside"]
    assert rules("中文English混排") == ["chinese-latin-spacing"]
    assert rules("你好,世界") == ["chinese-fullwidth-punctuation"]


def test_short_paragraphs_follow_the_document_before_their_own_signs() -> None:
    text = (
        "Le rapport annuel montre une hausse du chiffre d’affaires et des effectifs.\n\n¿ Qué ?\n"
    )
    m = L.language_map(Document(text), Config())
    assert m.paragraphs[1].language == "fr"


def test_short_paragraph_without_decisive_sign_stays_neutral() -> None:
    for text in ("Olá, tudo bem?\n", "Hallo wereld ,ok\n", "Cześć, co słychać?\n", "ok ,ok\n"):
        assert [f.rule for f in lint(Document(text)) if f.rule.startswith(RULED)] == [], text


def test_han_alone_is_chinese_kana_is_japanese() -> None:
    assert _language("软件包\n") == "zh"
    assert _language("パッケージ\n") == "ja"
    # an English sentence citing a Japanese title is English
    assert _language("The default format depends on the locale (see 「タイムスタンプ」).\n") == "en"


# --------------------------------------------------------------------------- Chinese


def test_comma_between_han_is_fixed_safely() -> None:
    assert fix_all(Document("你好,世界\n")).text == "你好，世界\n"
    (f,) = findings("chinese-fullwidth-punctuation", "你好, 世界\n", language="zh")
    (fx,) = f.fixes
    assert fx.safe and (fx.start, fx.end, fx.replacement) == (2, 4, "，")


def test_sign_before_latin_text_is_offered_not_applied() -> None:
    text = "注意: Debian 的版本号为 12。\n"
    (f,) = findings("chinese-fullwidth-punctuation", text, language="zh")
    assert not f.fixes[0].safe
    assert fixed("chinese-fullwidth-punctuation", text, language="zh") == text


def test_numbers_urls_files_and_latin_sentences_are_left_alone() -> None:
    text = (
        "共有 1,000 个软件包，版本 3.14 和 v1.2 已发布。\n\n"
        "运行 apt.conf 中的设置，参见 https://www.debian.org/doc/。\n\n"
        "He said: yes, and left. Then he came back, twice.\n\n"
        "他引用了原话 “Hello, world.” 作为例子。\n"
    )
    assert _cjk(text, language="zh") == []


def test_latin_spacing_one_liner_gets_a_hint_with_an_unsafe_fix() -> None:
    (f, g) = findings("chinese-latin-spacing", "中文English混排\n")
    assert all(not x.fixes[0].safe for x in (f, g))
    assert fix_all(Document("中文English混排\n")).text == "中文English混排\n"
    config = parse_settings({"chinese": {"latinSpacing": "add"}})[0]
    assert fix_all(Document("中文English混排\n"), config).text == "中文 English 混排\n"


def test_latin_spacing_follows_the_document() -> None:
    spaced = "使用 Debian 系统，安装 Linux 内核，阅读 GNU 文档，运行apt命令。\n"
    rules = findings("chinese-latin-spacing", spaced)
    assert [spaced[f.start : f.end] for f in rules] == ["行a", "t命"]
    glued = "使用Debian系统，安装Linux内核，阅读GNU文档，运行 apt 命令。\n"
    rules = findings("chinese-latin-spacing", glued)
    assert [glued[f.start : f.end] for f in rules] == [" ", " "]
    assert findings("chinese-latin-spacing", glued, chinese={"latinSpacing": "off"}) == []


def test_space_around_fullwidth_punctuation_is_removed() -> None:
    text = "我们发布了新版本 ，欢迎试用 。\n"
    assert fixed("chinese-space-around-punctuation", text) == "我们发布了新版本，欢迎试用。\n"
    # indentation and hard wrapping are not spacing
    assert findings("chinese-space-around-punctuation", "    ，开头\n结尾。 \n") == []


# --------------------------------------------------------------------------- Japanese


def test_japanese_ascii_stops_follow_the_document_style() -> None:
    assert fix_all(Document("これはペンです.あれは本です,たぶん.\n")).text == (
        "これはペンです。あれは本です、たぶん。\n"
    )
    technical = "値を設定する．次に，保存する．最後に確認する.\n"
    assert fix_all(Document(technical)).text == technical[:-2] + "．\n"
    assert _cjk("数式では，記号を使う．値は 1.5 です．\n") == []


def test_japanese_space_after_question_mark_is_a_convention() -> None:
    assert _cjk("本当？ はい、そうです。\n") == []
    assert fixed("japanese-space-around-punctuation", "保存しました 。\n") == "保存しました。\n"


# The Japanese Debian Reference (debian-reference-ja 2.100, plain text): sentences
# left in English that quote Japanese section titles, and Japanese sentences.
DEBIAN_REFERENCE_JA_QUOTED = """\
    ここに書かれた手法はリモート X クライアントがあたかもローカルの
    UNIX ドメインソケット経由でローカル接続されているかのようにして、
    リモート X クライアントからの出力を表示できるようにします。

    See 「リーモートアクセスサーバーとユーティリティー (SSH)」 for
    SSH/SSHD.

    Here, 「Flex — 改良版 Lex」 and 「Bison — 改良版 Yacc」 are
    included to indicate how compiler-like program can be written.
"""


def test_english_sentences_quoting_japanese_titles_keep_their_spaces() -> None:
    assert findings("japanese-space-around-punctuation", DEBIAN_REFERENCE_JA_QUOTED) == []
    # a space inside the bracket, or after 、 before a Latin word, is still flagged
    # (the same document glues 、 to Latin words 318 times and spaces it 13)
    inside = '    friends are." 「 Unix はユーザーフレンドリーです。」\n'
    assert len(findings("japanese-space-around-punctuation", inside)) == 1
    clause = "    タイムスタンプに関して、 ls コマンドは非英語ロケールで異なります。\n"
    assert len(findings("japanese-space-around-punctuation", clause)) == 1
    chinese = "Debian 是一个自由的操作系统。\nSee 《安装指南》 for details.\n"
    assert findings("chinese-space-around-punctuation", chinese, language="zh") == []
    # one operator name after Chinese text is no English sentence (Debian Reference, zh-cn)
    operator = '      * “逻辑 OR" （由条件之间的 "-o" 参数指定的）优先级低于 "逻辑 AND"。\n'
    assert len(findings("chinese-space-around-punctuation", operator)) == 1


# WeUI 2.6.26's CHANGELOG.md (npm): entries led by a bracketed label and a space
WEUI_CHANGELOG = """\
- 【增强】 颜色规范、字体大小规范、间距规范对齐微信7.0新视觉风格
- 【修复】 调整字体大小后，搜索框的icon没有居中 #606
- 【修复】优化 demo，修复 demo 的若干 bug
"""


def test_a_label_leading_a_line_is_followed_by_a_space() -> None:
    assert findings("chinese-space-around-punctuation", WEUI_CHANGELOG, "markdown") == []
    # the same bracket inside the sentence is punctuation: the space is flagged
    inside = "- 修复了【搜索框】 的图标没有居中的问题\n"
    assert len(findings("chinese-space-around-punctuation", inside, "markdown")) == 1


def test_japanese_latin_spacing_is_off_by_default() -> None:
    assert _cjk("Debianを使う。Linux を使う。\n") == []
    config = parse_settings({"japanese": {"latinSpacing": "add"}})[0]
    assert fix_all(Document("Debianを使う。\n"), config).text == "Debian を使う。\n"


def test_halfwidth_katakana_is_opt_in_and_keeps_every_letter() -> None:
    text = "ﾃﾞｰﾀﾍﾞｰｽを更新しました。\n"
    assert _cjk(text) == []
    assert fixed("japanese-halfwidth-katakana", text) == "データベースを更新しました。\n"


def test_declared_languages_still_win_over_short_guesses() -> None:
    config = parse_settings({"language": "de"})[0]
    assert L.language_map(Document("¿ Qué ?\n"), config).paragraphs[0].language == "de"
    # Han alone under a Japanese declaration (setting, directive or front matter) is ja
    config = parse_settings({"language": "ja"})[0]
    assert L.language_map(Document("概要\n"), config).paragraphs[0].language == "ja"
    text = "<!-- textsweep: language=ja -->\n\n概要\n"
    assert L.language_map(Document(text, "markdown"), Config()).paragraphs[-1].language == "ja"
    text = "---\nlang: zh-TW\n---\n\n軟體套件\n"
    assert L.language_map(Document(text, "markdown"), Config()).paragraphs[-1].language == "zh-TW"


def test_aligned_columns_are_not_spacing_mistakes() -> None:
    # glibc's Chinese `locale` output aligns its colons with runs of spaces
    text = "所有者    ：%s\n版本      ：%s\n"
    assert _cjk(text, language="zh") == []


def test_japanese_catalogue_written_with_ascii_stops_is_its_own_style() -> None:
    # GNU make's Japanese messages end with ASCII full stops throughout
    text = (
        "ターゲット '%s' を諦めます.\n\n'%s' は更新済みです.\n\n"
        "必要条件 '%s' はターゲット '%s' よりも新しい.\n\n完了しました。\n"
    )
    assert _cjk(text) == []
    # a minority of them in a document written with 。 is flagged
    text = "保存しました。\n\n再起動します。\n\n終了しました.\n"
    assert fix_all(Document(text)).text == text.replace("た.", "た。")


def test_full_stop_glued_to_han_is_offered_not_applied() -> None:
    text = "请访问中国政府.政务网站\n"
    (f,) = findings("chinese-fullwidth-punctuation", text, language="zh")
    assert not f.fixes[0].safe
    assert fix_all(Document("新版本已发布.\n")).text == "新版本已发布。\n"


def test_product_names_and_code_spans_are_left_alone() -> None:
    text = "在Yahoo!奇摩和ＮＨＫ特别节目中，运行 `配置,选项` 即可。\n"
    assert [r for r in _cjk(text, "markdown", language="zh") if r != "chinese-latin-spacing"] == []
    text = "运行 `apt-get install 软件包,版本` 或 `中文.txt` 即可。\n"
    assert _cjk(text, "markdown", language="zh") == []
