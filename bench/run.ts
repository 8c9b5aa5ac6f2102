/** npm run bench: every benchmark, each printing its figures beside a peer measured in the same run. */
import { benchCost } from './cost';
import { benchMatch } from './match';
import { benchMatchDemo } from './match-demo';
import { benchReadRoster } from './read-roster';
import { benchSummary } from './summary';
import { benchSurvey } from './survey';
import { benchSurveyImport } from './survey-import';
import { benchValidate } from './validate';

console.log(`Tsunagu benchmarks — node ${process.version}, ${new Date().toISOString()}`);
benchReadRoster();
benchValidate();
benchMatch();
benchMatchDemo();
benchSummary();
benchCost();
benchSurvey();
benchSurveyImport();
