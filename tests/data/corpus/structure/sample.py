"""Outil de conversion: lit un fichier et écrit le résultat."""

import re

PATTERN = re.compile(r"(\w+):(\d+)")  # motif clé:valeur
HEADER = "name,age,city"


def main() -> None:
    # Pourquoi ce script? Parce que la conversion manuelle est trop lente.
    data = {"a": 1, "b": 2}
    x = data["a"] if data else None
    print(f"Résultat : {x}")
    print("Erreur: fichier introuvable !")
