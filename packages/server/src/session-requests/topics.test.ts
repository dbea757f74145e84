import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LANGUAGES, OTHER_TOPIC_ID, TopicList } from '@carezone/contract';
import { DEFAULT_TOPICS, loadTopicsFile, parseTopics } from './topics.js';

const vaccination = {
  id: 'vaccination',
  label: { nl: 'Vaccinatie', fr: 'Vaccination', en: 'Vaccination', de: 'Impfung' },
};

describe('default topics', () => {
  test('fit the contract, with unique ids and a label in every language', () => {
    assert.ok(TopicList.safeParse({ data: DEFAULT_TOPICS }).success);
    assert.equal(new Set(DEFAULT_TOPICS.map((topic) => topic.id)).size, DEFAULT_TOPICS.length);
    for (const topic of DEFAULT_TOPICS) {
      for (const lang of LANGUAGES) assert.ok(topic.label[lang].trim().length > 0, `${topic.id} ${lang}`);
    }
    assert.ok(!DEFAULT_TOPICS.some((topic) => topic.id === OTHER_TOPIC_ID), '"other" is implicit');
    assert.deepEqual(parseTopics([...DEFAULT_TOPICS], 'defaults'), DEFAULT_TOPICS);
  });
});

describe('a topics file', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carezone-topics-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));
  const file = async (name: string, content: string) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };

  test('may be a bare array or the answer of GET /v1/topics', async () => {
    assert.deepEqual(await loadTopicsFile(await file('a.json', JSON.stringify([vaccination]))), [
      vaccination,
    ]);
    assert.deepEqual(await loadTopicsFile(await file('b.json', JSON.stringify({ data: [vaccination] }))), [
      vaccination,
    ]);
  });

  test('is refused with the path of each problem', async () => {
    const incomplete = { id: 'x', label: { nl: 'X', fr: 'X', en: ' ' } };
    await assert.rejects(
      loadTopicsFile(await file('c.json', JSON.stringify([vaccination, incomplete]))),
      (error: Error) =>
        /1\.label\.en: must have at least 1/.test(error.message) &&
        /1\.label\.de: is required/.test(error.message),
    );
    await assert.rejects(loadTopicsFile(await file('d.json', '[]')), /non-empty array/);
    await assert.rejects(loadTopicsFile(await file('e.json', '{"topics": []}')), /non-empty array/);
    await assert.rejects(loadTopicsFile(await file('f.json', '[{')), /is not JSON/);
    await assert.rejects(
      loadTopicsFile(await file('g.json', JSON.stringify([vaccination, vaccination]))),
      /twice/,
    );
    await assert.rejects(
      loadTopicsFile(await file('h.json', JSON.stringify([{ ...vaccination, id: 'Not A Slug' }]))),
      /0\.id/,
    );
    await assert.rejects(loadTopicsFile(join(dir, 'missing.json')), /ENOENT/);
  });
});
