// A district's posts (Stellen): the list, and the form that adds or changes one — its title, its
// role from the catalogue of roles, how many people hold it, since when it exists, and its tasks
// from the shared catalogue of tasks, each in the district's own words.
import { useState } from 'preact/hooks';
import { EditorCreatePositionDocument, EditorUpdatePositionDocument, type PositionFieldsInput } from '../../../schema/generated/graphql.js';
import { write } from './api.js';
import type { DistrictData } from './district.js';
import { Conflict, type Issue, issueAt, orNull, ProblemSummary, partialDateIssues, SaveFooter, SelectField, TextField } from './fields.js';
import { useRecordForm } from './recordForm.js';
import type { Language, Texts } from './texts.js';

type Post = DistrictData['posts'][number];

interface PostDraft {
  title: string;
  /** A role's key; empty until one is chosen for a new post. */
  role: string;
  /** As typed, e.g. "2"; empty where the post does not say. */
  headcount: string;
  since: string;
  tasks: { task: string; wording: string }[];
}

const draftOf = (post: Post | null): PostDraft => ({
  title: post?.title ?? '',
  role: post?.role.key ?? '',
  headcount: post?.headcount == null ? '' : String(post.headcount),
  since: post?.since ?? '',
  tasks: (post?.tasks ?? []).map(({ task, wording }) => ({ task: task.key, wording })),
});

/** "2" → 2; empty → null; anything else → NaN. */
const countOf = (typed: string): number | null => {
  const text = typed.trim();
  return text === '' ? null : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
};

/** The whole post as the mutation takes it: its task list replaces the stored one. */
const fieldsOf = (draft: PostDraft): PositionFieldsInput => ({
  title: draft.title,
  ...(draft.role ? { role: draft.role } : {}),
  headcount: countOf(draft.headcount),
  since: orNull(draft.since),
  tasks: draft.tasks,
});

/** Values the API's scalars (Int, PartialDate) would refuse with the whole request, said at their fields instead. */
const typedIssues = (draft: PostDraft): Issue[] => [
  ...(Number.isNaN(countOf(draft.headcount)) ? [issueAt('headcount', 'WRONG_TYPE', { expected: 'int' })] : []),
  ...partialDateIssues({ since: draft.since }),
];

const roleName = (district: DistrictData, key: string, texts: Texts) =>
  district.roles.find((role) => role.key === key)?.germanName ?? (key || texts.none);

export function PostList({ district, texts }: { district: DistrictData; texts: Texts; language: Language }) {
  const ags = district.ags;
  return (
    <>
      {district.posts.length === 0 ? (
        <p class="kern-body">{texts.noPosts}</p>
      ) : (
        <ul class="kern-list post-list">
          {district.posts.map((post) => (
            <li key={post.id}>
              <a class="kern-link" href={`#/d/${ags}/p/${encodeURIComponent(post.id)}`}>
                {post.title}
              </a>{' '}
              <span class="kern-body">
                · {roleName(district, post.role.key, texts)} · {texts.taskCount(post.tasks.length)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <a class="kern-link" href={`#/d/${ags}/p/new`}>
        {texts.addPost}
      </a>
    </>
  );
}

interface PostFormProps {
  post: Post | null;
  district: DistrictData;
  texts: Texts;
  language: Language;
  reload(): Promise<DistrictData>;
}

const postIn = (district: DistrictData, id: string) => district.posts.find((post) => post.id === id);

export function PostForm({ post, district, texts, language, reload }: PostFormProps) {
  // Kept in the tab until saved: a reload or a sign-in at the identity provider loses nothing.
  const { draft, set, outcome, setOutcome, answered, issues, save, resolve } = useRecordForm({
    record: post,
    newDraftId: `new-post-${district.ags}`,
    draftOf,
    send: async (shown, version) =>
      post
        ? (await write(EditorUpdatePositionDocument, { input: { id: post.id, version, fields: fieldsOf(shown) } })).updatePosition
        : (await write(EditorCreatePositionDocument, { input: { district: district.ags, fields: fieldsOf(shown) } })).createPosition,
    find: postIn,
    pageOf: (id) => `#/d/${district.ags}/p/${encodeURIComponent(id)}`,
    check: typedIssues,
    reload,
    texts,
  });
  const [chosenTask, setChosenTask] = useState('');
  const shared = { issues, language };
  const setTask = (index: number, wording: string) =>
    set({ tasks: draft.tasks.map((task, at) => (at === index ? { ...task, wording } : task)) });
  const catalogue = district.tasks;
  const taskName = (key: string) => {
    const entry = catalogue.find((task) => task.key === key);
    return entry ? (language === 'de' ? entry.germanWording : entry.name) : key;
  };
  const unchosen = catalogue.filter((entry) => !draft.tasks.some((task) => task.task === entry.key));
  const linesOf = (shown: PostDraft) => [
    `${texts.postTitle}: ${shown.title}`,
    `${texts.postRole}: ${roleName(district, shown.role, texts)}`,
    `${texts.headcount}: ${shown.headcount || texts.none}`,
    `${texts.postSince}: ${shown.since || texts.none}`,
    `${texts.postTasks}: ${shown.tasks.map((task) => task.wording).join('; ') || texts.none}`,
  ];

  const addTask = () => {
    const entry = catalogue.find((task) => task.key === chosenTask) ?? unchosen[0];
    if (!entry) return;
    // The catalogue's German wording to start from; the district says it in its own words.
    set({ tasks: [...draft.tasks, { task: entry.key, wording: entry.germanWording }] });
    setChosenTask('');
  };

  return (
    <form onSubmit={save} noValidate data-answered={answered} class="post-form">
      <ProblemSummary issues={issues} texts={texts} language={language} />
      {outcome.kind === 'conflict' && (
        <Conflict
          theirs={linesOf(draftOf(outcome.theirs))}
          yours={linesOf(draft)}
          texts={texts}
          onChoose={(take) => resolve(outcome.theirs, take)}
        />
      )}
      <TextField
        path="title"
        label={texts.postTitle}
        help={['PositionFieldsInput', 'title']}
        value={draft.title}
        onValue={(title) => set({ title })}
        {...shared}
      />
      <SelectField
        path="role"
        label={texts.postRole}
        value={draft.role}
        onValue={(role) => set({ role })}
        choices={[
          ...(draft.role ? [] : [['', texts.chooseRole] as const]),
          ...district.roles.map((role) => [role.key, role.germanName] as const),
        ]}
        {...shared}
      />
      <TextField
        path="headcount"
        label={texts.headcount}
        help={['PositionFieldsInput', 'headcount']}
        value={draft.headcount}
        onValue={(headcount) => set({ headcount })}
        {...shared}
      />
      <TextField
        path="since"
        label={texts.postSince}
        help={['PositionFieldsInput', 'since']}
        value={draft.since}
        onValue={(since) => set({ since })}
        {...shared}
      />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{texts.postTasks}</legend>
        <div class="kern-fieldset__body">
          {draft.tasks.map((task, index) => (
            <div class="row" key={task.task}>
              <TextField
                path={`tasks[${index}].wording`}
                label={texts.taskWording(taskName(task.task))}
                help={['PositionTaskInput', 'wording']}
                value={task.wording}
                onValue={(wording) => setTask(index, wording)}
                multiline
                {...shared}
              />
              <button
                type="button"
                class="kern-btn kern-btn--secondary"
                onClick={() => set({ tasks: draft.tasks.filter((_, at) => at !== index) })}
              >
                <span class="kern-label">{texts.removeTask(index + 1)}</span>
              </button>
            </div>
          ))}
          {unchosen.length > 0 && (
            <>
              <SelectField
                path="tasks-new"
                label={texts.chooseTask}
                value={chosenTask || unchosen[0]!.key}
                onValue={setChosenTask}
                choices={unchosen.map((entry) => [entry.key, language === 'de' ? entry.germanWording : entry.name] as const)}
                {...shared}
              />
              <button type="button" class="kern-btn kern-btn--secondary" onClick={addTask}>
                <span class="kern-label">{texts.addTask}</span>
              </button>
            </>
          )}
        </div>
      </fieldset>
      <SaveFooter
        id="post-status"
        outcome={outcome}
        saved={texts.saved}
        submit={post ? texts.save : texts.addPostSubmit}
        texts={texts}
        onSignedIn={() => setOutcome({ kind: 'idle' })}
      />
    </form>
  );
}
