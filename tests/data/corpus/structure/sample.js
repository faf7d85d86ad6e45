// Module de conversion : lit les données et les affiche.
const data = {a:1, b:2};
const msg = cond ? "oui" : "non";
/* Pourquoi ce module? Parce que.
 * Il faut le garder simple;vraiment.
 */
console.log(`Bonjour ${name} !`);
const url = "https://exemple.fr/a?b=1;c";
