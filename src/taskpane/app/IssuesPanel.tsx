/** 数据问题: every data issue, each selecting its cell. */
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { PANE } from '../../i18n/pane';
import { useI18n } from './context';
import type { PaneView } from './engine';
import type { SelectProps } from './WarningsPanel';

export function IssuesPanel({ view, onSelect }: { view: PaneView | null } & SelectProps) {
  const { tr } = useI18n();
  if (!view) return <Text>{tr(PANE.noResults)}</Text>;
  if (view.issues.length === 0) return <Text>{tr(PANE.noIssues)}</Text>;
  return (
    <div className="pga-stack">
      <Text>{tr(PANE.issuesIntro)}</Text>
      <Table size="small" aria-label={tr(PANE.tabIssues)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{tr(PANE.cell)}</TableHeaderCell>
            <TableHeaderCell>{tr(PANE.problem)}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.issues.map((issue, i) => (
            <TableRow key={`${issue.cell}-${issue.code}-${i}`} data-code={issue.code}>
              <TableCell>
                <Button
                  size="small"
                  appearance="transparent"
                  onClick={() => onSelect(issue.cell)}
                  aria-label={tr(PANE.goToCell, { cell: issue.cell })}
                >
                  {issue.cell}
                </Button>
              </TableCell>
              <TableCell>
                <Text size={200}>{issue.message}</Text>
                {issue.value !== '' && (
                  <Text size={200} block className="pga-muted">
                    {`${tr(PANE.value)}: ${issue.value}`}
                  </Text>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
