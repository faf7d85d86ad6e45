# ruff: noqa: E501
# Writes the corpus files; ⍽ stands for U+202F, ¤ for U+00A0 (source readability only).
import os
import pathlib

os.chdir(pathlib.Path(__file__).resolve().parent)
N, B = "\u202f", "\u00a0"


def w(name, text):
    pathlib.Path(name).write_text(text.replace("⍽", N).replace("¤", B), encoding="utf-8")


w(
    "fr_article.txt",
    """Les assistants conversationnels à l’épreuve du terrain

Depuis deux ans, les entreprises déploient des chatbots dans leurs services clients. Le bilan⍽? Contrasté. Selon une étude publiée le 12 mars, le taux de résolution au premier contact atteint 3,5 fois celui d’un formulaire classique⍽; mais la satisfaction baisse dès que l’outil invente une réponse.

«⍽Le modèle répond vite, mais il se trompe avec aplomb⍽», résume une responsable du support. Son équipe a donc ajouté une règle simple¤: toute réponse qui cite un prix doit renvoyer vers la page officielle.

Les chiffres clés sont les suivants¤: 40⍽% des demandes traitées sans humain, un délai moyen de 12:30 minutes ramené à 4 minutes, un ratio de 16:9 entre questions simples et complexes. Le rapport complet est en ligne sur https://exemple.fr/rapports/2024?format=pdf et les questions peuvent être envoyées à presse@exemple.fr.

Côté technique, l’équipe a réécrit le moteur en C++ (std::vector et std::string partout) et stocke la configuration dans /etc/assistant/config.yaml. Un développeur plaisante⍽: «⍽On a enfin du code propre⍽!⍽» Il ajoute, plus sérieux⍽: «⍽Enfin… presque⍽:-)⍽»

Quoi⍽?! Déjà fini⍽!! Non⍽: la suite arrive la semaine prochaine, avec les résultats du second semestre.
""".replace("Un développeur plaisante⍽:", "Un développeur plaisante¤:")
    .replace("Il ajoute, plus sérieux⍽:", "Il ajoute, plus sérieux¤:")
    .replace("Non⍽:", "Non¤:"),
)

w(
    "fr_dialogue.txt",
    """«⍽Tu viens ce soir⍽? demanda Paul.

— Je ne sais pas encore, répondit Léa. Il faut que je finisse ce rapport.

— Encore⍽! Tu travailles trop.

— Peut-être. Mais c’est important pour moi⍽», conclut-elle.

Paul haussa les épaules. Il savait qu’elle ne céderait pas⍽; il prit son manteau et sortit sans un mot.

Plus tard, il lui envoya un message¤: «⍽Je suis au café, rejoins-moi quand tu peux⍽!⍽» Elle répondit simplement⍽: «⍽J’arrive⍽» — et elle arriva, une heure après.
""".replace("répondit simplement⍽:", "répondit simplement¤:"),
)

w(
    "fr_technique.txt",
    """Installation du serveur

Pour installer la version 2.1.3, lancez la commande suivante dans un terminal¤:

    pip install textsweep==2.1.3

Le serveur écoute ensuite sur le port 8080. Attention¤: la mémoire utilisée dépasse 1,5 Go quand le cache est plein⍽; réduisez-le dans le fichier ~/.config/textsweep/settings.json si besoin.

Questions fréquentes

Pourquoi le démarrage est-il lent⍽? Le premier lancement compile les expressions régulières⍽; les suivants prennent moins de 0,2 seconde. Les journaux se trouvent dans C:\\Users\\lea\\AppData\\Local\\textsweep sous Windows.

Quelle précision attendre⍽? Sur notre corpus de test, 98,3⍽% des paragraphes sont bien classés, à 12:45 près pour l’horodatage des journaux.
""",
)

w(
    "en_article.txt",
    """Chatbots in the field

For two years, companies have been rolling out chatbots in their customer service. The verdict? Mixed. According to a study published on March 12, first-contact resolution is 3.5 times that of a plain form; satisfaction drops as soon as the tool makes up an answer.

"The model answers fast, but it is confidently wrong," says a support manager. Her team added one simple rule: any answer quoting a price must link to the official page.

The key figures are: 40% of requests handled without a human, an average wait of 12:30 minutes cut to 4, and a 16:9 ratio of simple to complex questions. The full report is at https://example.com/reports/2024?format=pdf and questions go to press@example.com.

On the technical side, the team rewrote the engine in C++ (std::vector everywhere) and keeps its settings in /etc/assistant/config.yaml. One developer jokes: "Finally, clean code! :-)" What?! Already done!! No: the rest comes next week.
""",
)

w(
    "en_dialogue.txt",
    """"Are you coming tonight?" asked Paul.

"I don't know yet," Lea replied. "I have to finish this report."

"Again! You work too much."

He shrugged; he knew she would not give in. He took his coat and left without a word.
""",
)

w(
    "bilingual.txt",
    """Rapport d’incident

Le service est tombé à 03:12 et n’a redémarré qu’à 03:40. Le journal affiche le message d’erreur suivant¤:

Error: connection refused. Is the database running? Check the host, port and credentials before retrying.

Nous avons vérifié la configuration¤: l’hôte et le port étaient corrects, mais le mot de passe avait expiré. Pourquoi personne ne l’a-t-il vu⍽? Parce que l’alerte était désactivée.
""",
)

# ------------------------------------------------------------------ wrong versions
w(
    "fr_article.bad.txt",
    """Les assistants conversationnels à l’épreuve du terrain

Depuis deux ans, les entreprises déploient des chatbots dans leurs services clients. Le bilan? Contrasté. Selon une étude publiée le 12 mars, le taux de résolution au premier contact atteint 3,5 fois celui d’un formulaire classique ; mais la satisfaction baisse dès que l’outil invente une réponse.

«Le modèle répond vite, mais il se trompe avec aplomb», résume une responsable du support. Son équipe a donc ajouté une règle simple: toute réponse qui cite un prix doit renvoyer vers la page officielle.

Les chiffres clés sont les suivants : 40⍽% des demandes traitées sans humain , un délai moyen de 12:30 minutes ramené à 4 minutes, un ratio de 16:9 entre questions simples et complexes. Le rapport complet est en ligne sur https://exemple.fr/rapports/2024?format=pdf et les questions peuvent être envoyées à presse@exemple.fr.

Côté technique, l’équipe a réécrit le moteur en C++ (std::vector et std::string partout) et stocke la configuration dans /etc/assistant/config.yaml. Un développeur plaisante¤: «⍽On a enfin du code propre⍽!⍽» Il ajoute,plus sérieux¤: «⍽Enfin… presque⍽:-)⍽»

Quoi?! Déjà fini!! Non¤: la suite arrive la semaine prochaine, avec les résultats du second semestre.
""",
)

w(
    "fr_dialogue.bad.txt",
    """«⍽Tu viens ce soir ? demanda Paul.

— Je ne sais pas encore, répondit Léa. Il faut que je finisse ce rapport.

— Encore! Tu travailles trop.

— Peut-être. Mais c'est important pour moi⍽», conclut-elle.

Paul haussa les épaules. Il savait qu’elle ne céderait pas⍽; il prit son manteau et sortit sans un mot.

Plus tard, il lui envoya un message¤: «⍽Je suis au café, rejoins-moi quand tu peux⍽!⍽»⍽» Elle répondit simplement¤: «⍽J’arrive⍽» — et elle arriva,une heure après.
""",
)

w(
    "bilingual.bad.txt",
    """Rapport d’incident

Le service est tombé à 03:12 et n’a redémarré qu’à 03:40. Le journal affiche le message d’erreur suivant:

Error: connection refused. Is the database running ? Check the host,port and credentials before retrying.

Nous avons vérifié la configuration : l’hôte et le port étaient corrects, mais le mot de passe avait expiré. Pourquoi personne ne l’a-t-il vu? Parce que l’alerte était désactivée.
""",
)

w(
    "en_article.bad.txt",
    """Chatbots in the field

For two years, companies have been rolling out chatbots in their customer service. The verdict ? Mixed. According to a study published on March 12 , first-contact resolution is 3.5 times that of a plain form;satisfaction drops as soon as the tool makes up an answer.

"The model answers fast, but it is confidently wrong," says a support manager. Her team added one simple rule\u202f: any answer quoting a price must link to the official page.

The key figures are: 40% of requests handled without a human, an average wait of 12:30 minutes cut to 4, and a 16:9 ratio of simple to complex questions. The full report is at https://example.com/reports/2024?format=pdf and questions go to press@example.com.

On the technical side, the team rewrote the engine in C++ (std::vector everywhere) and keeps its settings in /etc/assistant/config.yaml. One developer jokes: "Finally, clean code! :-)" What?! Already done!! No: the rest comes next week.
""",
)
