/**
 * wink-nlp's part-of-speech tagger as a proper-noun cue for the reading engine (the benchmark's
 * comparison variant): the offsets of the tokens it tags PROPN.
 */
import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model);
const its = nlp.its;

export function winkProperNounStarts(text: string): Set<number> {
  const starts = new Set<number>();
  let pos = 0;
  nlp.readDoc(text)
    .tokens()
    .each((t: ItemToken) => {
      pos += (t.out(its.precedingSpaces) as string).length;
      const value = t.out() as string;
      if (t.out(its.pos) === 'PROPN') starts.add(pos);
      pos += value.length;
    });
  return starts;
}
