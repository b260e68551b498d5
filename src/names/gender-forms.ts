/**
 * Masculine and feminine forms of one name: close in spelling, two people.
 */

/**
 * The masculine and feminine forms of one name, which name two people: Daniel/Daniela,
 * Antonio/Antonia, Christian/Christina, Petrov/Petrova, Zelensky/Zelenskaya. Not the Belarusian
 * -enka of a Russian -enko (Lukashenka = Lukashenko), nor a final -ah (Hamza = Hamzah).
 */
export function genderPair(a: string, b: string): boolean {
  const aFem = a.endsWith('a');
  if (aFem === b.endsWith('a')) return false;
  const fem = aFem ? a : b;
  const masc = aFem ? b : a;
  if (fem.length < 4 || masc.length < 3 || masc.endsWith('ah') || masc.endsWith('h')) return false;
  if (fem.endsWith('nka') && masc.endsWith('nko')) return false;
  const stem = fem.slice(0, -1);
  if (stem === masc) return true; // Daniel/Daniela, Petrov/Petrova
  const last = masc[masc.length - 1]!;
  if ('oeiy'.includes(last) && masc.slice(0, -1) === stem) return true; // Antonio/Antonia
  if (fem.endsWith('aya') && (masc.endsWith('y') || masc.endsWith('iy') || masc.endsWith('ii'))) {
    const base = fem.slice(0, -3);
    if (
      masc === `${base}y` ||
      masc === `${base}iy` ||
      masc === `${base}ii` ||
      masc === `${base.slice(0, -1)}y`
    )
      return true; // Zelensky/Zelenskaya
  }
  // Christian/Christina: the masculine form's last "a" moved to the end.
  const i = masc.lastIndexOf('a');
  return i > 0 && i >= masc.length - 3 && masc.slice(0, i) + masc.slice(i + 1) === stem;
}
