"""Byte images of the single-byte codecs mojibake repairs undo, precomputed.

Decoding every byte with ten codecs cost each start 19 M instructions (and the
import of nine codec modules) for tables that never change:
tests/unit/test_lazy_patterns.py checks them against the computation.
"""

#: ``codec: (lead2, lead3, lead4, cont)`` images, each sorted (see
#: :func:`.encoding.mojibake._computed_images`).
IMAGES: dict[str, tuple[str, str, str, str]] = {
    "sloppy-windows-1252": (
        (
            "\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4"
            "\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf"
        ),
        "\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef",
        "\xf0\xf1\xf2\xf3\xf4",
        (
            "\x81\x8d\x8f\x90\x9d\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad"
            "\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf"
            "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
            "\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039"
            "\u203a\u20ac\u2122"
        ),
    ),
    "latin-1": (
        (
            "\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4"
            "\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf"
        ),
        "\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef",
        "\xf0\xf1\xf2\xf3\xf4",
        (
            "\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x92"
            "\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f\xa0\xa1\xa2\xa3\xa4\xa5"
            "\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8"
            "\xb9\xba\xbb\xbc\xbd\xbe\xbf"
        ),
    ),
    "sloppy-windows-1250": (
        (
            "\xc2\xc4\xc7\xc9\xcb\xcd\xce\xd3\xd4\xd6\xd7\xda\xdc\xdd\xdf\u0102\u0106"
            "\u010c\u010e\u0110\u0118\u011a\u0139\u0143\u0147\u0150\u0158\u0162\u016e"
            "\u0170"
        ),
        ("\xe1\xe2\xe4\xe7\xe9\xeb\xed\xee\u0103\u0107\u010d\u010f\u0119\u011b\u013a\u0155"),
        "\xf3\xf4\u0111\u0144\u0148",
        (
            "\x81\x83\x88\x90\x98\xa0\xa4\xa6\xa7\xa8\xa9\xab\xac\xad\xae\xb0\xb1\xb4\xb5"
            "\xb6\xb7\xb8\xbb\u0104\u0105\u013d\u013e\u0141\u0142\u015a\u015b\u015e\u015f"
            "\u0160\u0161\u0164\u0165\u0179\u017a\u017b\u017c\u017d\u017e\u02c7\u02d8"
            "\u02db\u02dd\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021"
            "\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
        ),
    ),
    "sloppy-windows-1251": (
        (
            "\u0412\u0413\u0414\u0415\u0416\u0417\u0418\u0419\u041a\u041b\u041c\u041d"
            "\u041e\u041f\u0420\u0421\u0422\u0423\u0424\u0425\u0426\u0427\u0428\u0429"
            "\u042a\u042b\u042c\u042d\u042e\u042f"
        ),
        (
            "\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043a\u043b"
            "\u043c\u043d\u043e\u043f"
        ),
        "\u0440\u0441\u0442\u0443\u0444",
        (
            "\x98\xa0\xa4\xa6\xa7\xa9\xab\xac\xad\xae\xb0\xb1\xb5\xb6\xb7\xbb\u0401\u0402"
            "\u0403\u0404\u0405\u0406\u0407\u0408\u0409\u040a\u040b\u040c\u040e\u040f"
            "\u0451\u0452\u0453\u0454\u0455\u0456\u0457\u0458\u0459\u045a\u045b\u045c"
            "\u045e\u045f\u0490\u0491\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e"
            "\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2116\u2122"
        ),
    ),
    "sloppy-windows-1253": (
        (
            "\xd2\u0392\u0393\u0394\u0395\u0396\u0397\u0398\u0399\u039a\u039b\u039c\u039d"
            "\u039e\u039f\u03a0\u03a1\u03a3\u03a4\u03a5\u03a6\u03a7\u03a8\u03a9\u03aa"
            "\u03ab\u03ac\u03ad\u03ae\u03af"
        ),
        (
            "\u03b0\u03b1\u03b2\u03b3\u03b4\u03b5\u03b6\u03b7\u03b8\u03b9\u03ba\u03bb"
            "\u03bc\u03bd\u03be\u03bf"
        ),
        "\u03c0\u03c1\u03c2\u03c3\u03c4",
        (
            "\x81\x88\x8a\x8c\x8d\x8e\x8f\x90\x98\x9a\x9c\x9d\x9e\x9f\xa0\xa3\xa4\xa5\xa6"
            "\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xb0\xb1\xb2\xb3\xb5\xb6\xb7\xbb\xbd\u0192"
            "\u0384\u0385\u0386\u0388\u0389\u038a\u038c\u038e\u038f\u2013\u2014\u2015"
            "\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039"
            "\u203a\u20ac\u2122"
        ),
    ),
    "sloppy-windows-1254": (
        (
            "\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf\xd1\xd2\xd3\xd4\xd5"
            "\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdf\u011e\u0130\u015e"
        ),
        "\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef",
        "\xf1\xf2\xf3\xf4\u011f",
        (
            "\x81\x8d\x8e\x8f\x90\x9d\x9e\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab"
            "\xac\xad\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe"
            "\xbf\u0152\u0153\u0160\u0161\u0178\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019"
            "\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac"
            "\u2122"
        ),
    ),
    "sloppy-windows-1257": (
        (
            "\xc4\xc5\xc9\xd3\xd5\xd6\xd7\xdc\xdf\u0100\u0106\u010c\u0112\u0116\u0118"
            "\u0122\u012a\u0136\u013b\u0141\u0143\u0145\u014c\u015a\u0160\u016a\u0172"
            "\u0179\u017b\u017d"
        ),
        (
            "\xe4\xe5\xe9\u0101\u0105\u0107\u010d\u0113\u0117\u0119\u0123\u012b\u012f"
            "\u0137\u013c\u017a"
        ),
        "\xf3\u0144\u0146\u014d\u0161",
        (
            "\x81\x83\x88\x8a\x8c\x90\x98\x9a\x9c\x9f\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8"
            "\xa9\xab\xac\xad\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xbb\xbc\xbd"
            "\xbe\xc6\xd8\xe6\xf8\u0156\u0157\u02c7\u02db\u2013\u2014\u2018\u2019\u201a"
            "\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
        ),
    ),
    "iso-8859-2": (
        (
            "\xc2\xc4\xc7\xc9\xcb\xcd\xce\xd3\xd4\xd6\xd7\xda\xdc\xdd\xdf\u0102\u0106"
            "\u010c\u010e\u0110\u0118\u011a\u0139\u0143\u0147\u0150\u0158\u0162\u016e"
            "\u0170"
        ),
        ("\xe1\xe2\xe4\xe7\xe9\xeb\xed\xee\u0103\u0107\u010d\u010f\u0119\u011b\u013a\u0155"),
        "\xf3\xf4\u0111\u0144\u0148",
        (
            "\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x92"
            "\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f\xa0\xa4\xa7\xa8\xad\xb0"
            "\xb4\xb8\u0104\u0105\u013d\u013e\u0141\u0142\u015a\u015b\u015e\u015f\u0160"
            "\u0161\u0164\u0165\u0179\u017a\u017b\u017c\u017d\u017e\u02c7\u02d8\u02db"
            "\u02dd"
        ),
    ),
    "macroman": (
        "\xac\u0192\u2206\u221a\u2248",
        "\u201a",
        "",
        (
            "\xa2\xa3\xa5\xa7\xa8\xa9\xaa\xae\xb0\xb1\xb4\xb5\xb6\xba\xc4\xc5\xc6\xc7\xc9"
            "\xd1\xd6\xd8\xdc\xdf\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed"
            "\xee\xef\xf1\xf2\xf3\xf4\xf5\xf6\xf8\xf9\xfa\xfb\xfc\u03a9\u03c0\u2020\u2022"
            "\u2122\u2202\u220f\u2211\u221e\u222b\u2260\u2264\u2265"
        ),
    ),
    "cp437": (
        (
            "\u2500\u250c\u2518\u251c\u252c\u253c\u2550\u2552\u2553\u2554\u2558\u2559"
            "\u255a\u255e\u255f\u2560\u2564\u2565\u2566\u2567\u2568\u2569\u256a\u256b"
            "\u256c\u2580\u2584\u2588\u258c\u2590"
        ),
        (
            "\xb5\xdf\u0393\u0398\u03a3\u03a6\u03a9\u03b1\u03b4\u03b5\u03c0\u03c3\u03c4"
            "\u03c6\u221e\u2229"
        ),
        "\xb1\u2261\u2264\u2265\u2320",
        (
            "\xa1\xa2\xa3\xa5\xaa\xab\xac\xba\xbb\xbc\xbd\xbf\xc4\xc5\xc6\xc7\xc9\xd1\xd6"
            "\xdc\xe0\xe1\xe2\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf1\xf2\xf3"
            "\xf4\xf6\xf9\xfa\xfb\xfc\xff\u0192\u20a7\u2310\u2502\u2510\u2524\u2551\u2555"
            "\u2556\u2557\u255b\u255c\u255d\u2561\u2562\u2563\u2591\u2592\u2593"
        ),
    ),
}

#: Byte images that are not word characters, as a regex class body (see
#: :func:`.structure.plain._byte_images`).
BYTE_IMAGES = (
    "\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x92\x93\x94"
    "\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9"
    "\xab\xac\xad\xae\xaf\xb0\xb1\xb4\xb6\xb7\xb8\xbb\xbf\xd7\xf7\u02d8\u02d9\u02da\u02db"
    "\u02dc\u02dd\u0384\u0385\u2013\u2014\u2015\u2018\u2019\u201a\u201c\u201d\u201e\u2020"
    "\u2021\u2022\u2026\u2030\u2039\u203a\u2044\u20a7\u20ac\u2116\u2122\u2202\u2206\u220f"
    "\u2211\u2219\u221a\u221e\u2229\u222b\u2248\u2260\u2261\u2264\u2265\u2310\u2320\u2321"
    "\u2500\u2502\u250c\u2510\u2514\u2518\u251c\u2524\u252c\u2534\u253c\u2550\u2551\u2552"
    "\u2553\u2554\u2555\u2556\u2557\u2558\u2559\u255a\u255b\u255c\u255d\u255e\u255f\u2560"
    "\u2561\u2562\u2563\u2564\u2565\u2566\u2567\u2568\u2569\u256a\u256b\u256c\u2580\u2584"
    "\u2588\u258c\u2590\u2591\u2592\u2593\u25a0\u25ca\uf8ff"
)
