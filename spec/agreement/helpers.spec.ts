import { describe, expect, it } from 'vitest';
import { emptyMeasure } from '../../src/gate/compare.js';
import { newTally, type Tally } from '../../src/gate/properties.js';
import { expectClassesJudged, expectMostlyCompared, expectSomeCompared } from './agreement.js';

const tally = (outputs: Tally['outputs'], steps = 1): Tally => ({ steps, outputs });
const measure = (m: Partial<ReturnType<typeof emptyMeasure>>) => ({ ...emptyMeasure(), ...m });

describe('the agreement checks fail when a property checked nothing', () => {
  it('an empty tally fails every check', () => {
    expect(() => expectMostlyCompared(newTally())).toThrow(/steps judged/);
    expect(() => expectSomeCompared(newTally())).toThrow(/steps judged/);
    expect(() => expectClassesJudged(newTally())).toThrow(/steps judged/);
    expect(() => expectMostlyCompared(tally({}))).toThrow(/outputs judged/);
  });

  it('an output with no element judged fails', () => {
    expect(() => expectMostlyCompared(tally({ params: measure({}) }))).toThrow(/params: elements judged/);
  });

  it('mostly compared: 2 of 3 passes, 1 of 3 fails', () => {
    expect(() => expectMostlyCompared(tally({ params: measure({ compared: 2, excluded: 1 }) }))).not.toThrow();
    expect(() => expectMostlyCompared(tally({ params: measure({ compared: 1, excluded: 2 }) }))).toThrow(
      /params: 1 of 3 elements compared/,
    );
  });

  it('some compared: an output judged only by class fails', () => {
    expect(() =>
      expectSomeCompared(tally({ params: measure({ compared: 1 }), m: measure({ classified: 4 }) })),
    ).toThrow(/m: elements compared against the bound/);
  });

  it('the non-finite property must have judged some element by class', () => {
    expect(() => expectClassesJudged(tally({ params: measure({ compared: 3 }) }))).toThrow(
      /elements judged by IEEE class/,
    );
    expect(() => expectClassesJudged(tally({ params: measure({ compared: 3, classified: 1 }) }))).not.toThrow();
  });

  it('an error/bound ratio above 1 fails', () => {
    expect(() => expectSomeCompared(tally({ params: measure({ compared: 3, maxRatio: 1.5 }) }))).toThrow(
      /params: largest error \/ bound/,
    );
  });
});
