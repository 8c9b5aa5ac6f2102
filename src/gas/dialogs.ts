/** GasDialogs: the Dialogs port on the spreadsheet Ui and HtmlService (the sidebar page is dist/Sidebar.html). */
import type { Dialogs } from '../core/ports';

export class GasDialogs implements Dialogs {
  constructor(
    private readonly ui: GoogleAppsScript.Base.Ui,
    private readonly html: GoogleAppsScript.HTML.HtmlService,
  ) {}

  confirm(title: string, message: string): boolean {
    return this.ui.alert(title, message, this.ui.ButtonSet.YES_NO) === this.ui.Button.YES;
  }

  alert(title: string, message: string): void {
    this.ui.alert(title, message, this.ui.ButtonSet.OK);
  }

  showSidebar(title: string): void {
    this.ui.showSidebar(this.html.createHtmlOutputFromFile('Sidebar').setTitle(title));
  }

  showHtml(title: string, html: string, width: number, height: number): void {
    this.ui.showModalDialog(this.html.createHtmlOutput(html).setWidth(width).setHeight(height), title);
  }
}
