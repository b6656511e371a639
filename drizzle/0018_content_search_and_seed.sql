-- Help articles are searched like tickets: French and German stems of unaccented words (the
-- guichet_search_document function of the search_ticket_index migration), title above summary
-- above body. The trigger keeps the vector in step with the text.
CREATE OR REPLACE FUNCTION guichet_help_article_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := guichet_search_document(NEW.title, 'A')
    || guichet_search_document(NEW.summary, 'B')
    || guichet_search_document(NEW.body, 'C');
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER help_article_translations_search_vector
  BEFORE INSERT OR UPDATE OF title, summary, body ON help_article_translations
  FOR EACH ROW EXECUTE FUNCTION guichet_help_article_search_vector();--> statement-breakpoint
-- The escalation matrix every installation starts with; staff replace it with their own contacts.
INSERT INTO escalation_levels (position, role_fr, role_de, role_en, contact_name, email, phone, when_fr, when_de, when_en)
VALUES
  (1, $t$Consultant en charge du ticket$t$, $t$Zuständige Beraterin oder zuständiger Berater$t$, $t$Consultant handling the ticket$t$,
   $t$Service clients$t$, 'support@guichet.example', '+41 21 555 01 00',
   $t$Toujours en premier : répondez dans le ticket ou appelez le Service clients en citant la clé du ticket.$t$,
   $t$Immer zuerst: Antworten Sie im Ticket oder rufen Sie den Kundendienst an und nennen Sie den Ticketschlüssel.$t$,
   $t$Always first: answer in the ticket or call Customer Services, quoting the ticket key.$t$),
  (2, $t$Responsable du Service clients$t$, $t$Leiterin oder Leiter Kundendienst$t$, $t$Head of Customer Services$t$,
   $t$Responsable du Service clients$t$, 'support-lead@guichet.example', '+41 21 555 01 10',
   $t$Lorsqu'un ticket Critique ou Haute n'est pas pris en charge dans le délai annoncé, ou qu'il n'avance plus depuis plusieurs jours.$t$,
   $t$Wenn ein Ticket mit Kritikalität Kritisch oder Hoch nicht innerhalb der zugesagten Frist übernommen wird oder seit mehreren Tagen nicht vorankommt.$t$,
   $t$When a Critical or High ticket is not taken in charge within the committed time, or has not moved for several days.$t$),
  (3, $t$Directeur des opérations$t$, $t$Betriebsleiter$t$, $t$Head of Operations$t$,
   $t$Direction des opérations$t$, 'operations@guichet.example', '+41 21 555 01 20',
   $t$Lorsque l'escalade au niveau 2 n'a pas apporté de solution et que votre activité est bloquée.$t$,
   $t$Wenn die Eskalation auf Stufe 2 keine Lösung gebracht hat und Ihr Betrieb blockiert ist.$t$,
   $t$When escalating to level 2 has not brought a solution and your business is blocked.$t$)
ON CONFLICT (position) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (slug, sort_order)
VALUES ('utiliser-ce-portail', 10), ('choisir-la-criticite', 20), ('support-ou-consulting', 30), ('joindre-un-fichier-journal', 40)
ON CONFLICT (slug) DO NOTHING;--> statement-breakpoint
INSERT INTO help_article_translations (article_id, language, title, summary, body)
SELECT a.id, v.language, v.title, v.summary, v.body
  FROM (VALUES
  ('utiliser-ce-portail', 'fr', $t$Comment utiliser ce portail$t$,
   $t$Ouvrir une demande, la suivre, répondre et la fermer : l'essentiel en cinq minutes.$t$,
   $t$Ce portail est le guichet de votre entreprise auprès de notre Service clients. Vous y ouvrez vos demandes, vous les suivez et vous y répondez. Vous voyez toutes les demandes de votre entreprise, pas seulement les vôtres.

## Choisir le bon guichet
- Demandes au support : un dysfonctionnement du logiciel standard, une question d'utilisation ou une petite évolution.
- Demandes Consulting : tout ce qui est lié à un projet en cours avec nos consultants. Ces demandes sont facturées en régie.

## Ouvrir une demande
- Donnez un sujet précis : ce qui ne fonctionne pas, et où. « Erreur à la validation des factures fournisseurs » plutôt que « Problème ».
- Choisissez la criticité selon l'impact réel sur votre activité.
- Indiquez la version, la société et le module concernés, et joignez captures d'écran ou fichiers journaux.

## Suivre une demande
Chaque demande affiche son statut et qui doit agir maintenant. Au statut « Attente client », le consultant attend votre réponse : répondez dans le portail ou par e-mail. Sans réponse, un rappel vous est envoyé après 10 et 15 jours, et la demande est fermée après 20 jours.

## Fermer une demande
Quand le problème est résolu, vous pouvez fermer la demande vous-même. Une demande fermée ne peut plus recevoir de réponse : si le problème revient, ouvrez une nouvelle demande liée à l'ancienne.$t$),
  ('utiliser-ce-portail', 'de', $t$Wie Sie dieses Portal nutzen$t$,
   $t$Anfrage eröffnen, verfolgen, beantworten und schliessen: das Wichtigste in fünf Minuten.$t$,
   $t$Dieses Portal ist der Schalter Ihres Unternehmens zu unserem Kundendienst. Hier eröffnen, verfolgen und beantworten Sie Ihre Anfragen. Sie sehen alle Anfragen Ihres Unternehmens, nicht nur Ihre eigenen.

## Den richtigen Schalter wählen
- Support-Anfragen: eine Fehlfunktion der Standardsoftware, eine Frage zur Bedienung oder eine kleine Weiterentwicklung.
- Consulting-Anfragen: alles, was mit einem laufenden Projekt mit unseren Beratern zusammenhängt. Diese Anfragen werden nach Aufwand verrechnet.

## Eine Anfrage eröffnen
- Geben Sie einen präzisen Betreff an: was nicht funktioniert und wo. «Fehler beim Verbuchen von Lieferantenrechnungen» statt «Problem».
- Wählen Sie die Kritikalität nach der tatsächlichen Auswirkung auf Ihren Betrieb.
- Nennen Sie Version, Gesellschaft und Modul und hängen Sie Bildschirmfotos oder Protokolldateien an.

## Eine Anfrage verfolgen
Jede Anfrage zeigt ihren Status und wer jetzt handeln muss. Im Status «Warten auf Kunde» wartet die Beraterin oder der Berater auf Ihre Antwort: Antworten Sie im Portal oder per E-Mail. Ohne Antwort erhalten Sie nach 10 und 15 Tagen eine Erinnerung, und die Anfrage wird nach 20 Tagen geschlossen.

## Eine Anfrage schliessen
Ist das Problem gelöst, können Sie die Anfrage selbst schliessen. Eine geschlossene Anfrage kann keine Antworten mehr erhalten: Tritt das Problem wieder auf, eröffnen Sie eine neue, mit der alten verknüpfte Anfrage.$t$),
  ('utiliser-ce-portail', 'en', $t$How to use this portal$t$,
   $t$Open a request, follow it, answer and close it: the essentials in five minutes.$t$,
   $t$This portal is your company's desk at our Customer Services. You open your requests here, follow them and answer them. You see every request of your company, not only your own.

## Choose the right desk
- Support requests: a malfunction of the standard software, a question about its use or a small evolution.
- Consulting requests: anything linked to an ongoing project with our consultants. These are billed on time spent.

## Open a request
- Give a specific subject: what fails, and where. "Error when posting supplier invoices" rather than "Problem".
- Choose the criticality from the real impact on your business.
- Give the version, company and module concerned, and attach screenshots or log files.

## Follow a request
Each request shows its status and who acts next. In "Waiting for customer", the consultant waits for your answer: reply in the portal or by e-mail. Without an answer you get a reminder after 10 and 15 days, and the request is closed after 20 days.

## Close a request
When the problem is solved, you may close the request yourself. A closed request cannot receive answers: if the problem comes back, open a new request linked to the old one.$t$),
  ('choisir-la-criticite', 'fr', $t$Comment choisir la criticité$t$,
   $t$Quatre niveaux, de Basse à Critique : choisissez selon l'impact sur votre activité.$t$,
   $t$La criticité indique l'impact du problème sur votre activité. Elle fixe nos délais de prise en charge et de résolution. Nos consultants la vérifient à la qualification et peuvent l'ajuster en vous en donnant la raison.

## Les quatre niveaux
- Basse : il existe un contournement facile, ou il s'agit de confort.
- Moyenne : un contournement existe, mais il est difficile et coûteux.
- Haute : un processus vital est bloqué, sans risque immédiat de perte de chiffre d'affaires.
- Critique : un processus vital est bloqué, sans contournement, avec un risque de perte de chiffre d'affaires.

## Exemples
- Un libellé mal traduit dans un rapport : Basse.
- Les factures doivent être saisies à la main en attendant une correction : Moyenne.
- La clôture mensuelle ne peut pas être lancée : Haute.
- Plus aucune commande ne peut être expédiée : Critique.$t$),
  ('choisir-la-criticite', 'de', $t$Wie Sie die Kritikalität wählen$t$,
   $t$Vier Stufen, von Niedrig bis Kritisch: Wählen Sie nach der Auswirkung auf Ihren Betrieb.$t$,
   $t$Die Kritikalität gibt an, wie stark das Problem Ihren Betrieb beeinträchtigt. Sie bestimmt unsere Fristen für Übernahme und Lösung. Unsere Berater prüfen sie bei der Qualifizierung und können sie mit Begründung anpassen.

## Die vier Stufen
- Niedrig: Es gibt eine einfache Umgehungslösung, oder es geht um Komfort.
- Mittel: Eine Umgehungslösung existiert, ist aber schwierig und aufwendig.
- Hoch: Ein lebenswichtiger Prozess ist blockiert, ohne unmittelbares Risiko eines Umsatzverlusts.
- Kritisch: Ein lebenswichtiger Prozess ist blockiert, ohne Umgehungslösung, mit dem Risiko eines Umsatzverlusts.

## Beispiele
- Eine falsch übersetzte Bezeichnung in einem Bericht: Niedrig.
- Rechnungen müssen bis zur Korrektur von Hand erfasst werden: Mittel.
- Der Monatsabschluss kann nicht gestartet werden: Hoch.
- Es können keine Bestellungen mehr versandt werden: Kritisch.$t$),
  ('choisir-la-criticite', 'en', $t$How to choose the criticality$t$,
   $t$Four levels, from Low to Critical: choose from the impact on your business.$t$,
   $t$The criticality states how much the problem affects your business. It sets our times to take the request in charge and to resolve it. Our consultants check it when they qualify the request and may adjust it, telling you why.

## The four levels
- Low: there is an easy workaround, or it is about comfort.
- Medium: a workaround exists, but it is hard and costly.
- High: a vital process is blocked, with no immediate risk of lost revenue.
- Critical: a vital process is blocked, with no workaround, and revenue may be lost.

## Examples
- A badly translated label in a report: Low.
- Invoices must be keyed in by hand until a fix arrives: Medium.
- The month-end closing cannot be started: High.
- No order can be shipped any more: Critical.$t$),
  ('support-ou-consulting', 'fr', $t$Support ou Consulting : quel guichet choisir ?$t$,
   $t$Une question suffit le plus souvent : la demande est-elle liée à un projet en cours ?$t$,
   $t$## Demandes au support
Pour un dysfonctionnement du logiciel standard, une question d'utilisation ou une petite évolution. Le support est couvert par votre contrat de maintenance ; les petites évolutions Solva Flex sont décomptées de votre solde Flex.

## Demandes Consulting
Pour tout ce qui est lié à un projet en cours avec nos consultants : paramétrage, reprise de données, développements spécifiques, formation. Ces demandes sont facturées en régie et rattachées à un projet de votre entreprise.

## En cas de doute
Ouvrez une demande au support. Si elle relève du consulting, nous la transférons nous-mêmes et vous en êtes informé.$t$),
  ('support-ou-consulting', 'de', $t$Support oder Consulting: welcher Schalter?$t$,
   $t$Meist genügt eine Frage: Hängt die Anfrage mit einem laufenden Projekt zusammen?$t$,
   $t$## Support-Anfragen
Für eine Fehlfunktion der Standardsoftware, eine Frage zur Bedienung oder eine kleine Weiterentwicklung. Der Support ist durch Ihren Wartungsvertrag gedeckt; kleine Weiterentwicklungen (Solva Flex) werden von Ihrem Flex-Guthaben abgezogen.

## Consulting-Anfragen
Für alles, was mit einem laufenden Projekt mit unseren Beratern zusammenhängt: Parametrierung, Datenübernahme, Spezialentwicklungen, Schulung. Diese Anfragen werden nach Aufwand verrechnet und einem Projekt Ihres Unternehmens zugeordnet.

## Im Zweifelsfall
Eröffnen Sie eine Support-Anfrage. Gehört sie zum Consulting, leiten wir sie selbst weiter und informieren Sie darüber.$t$),
  ('support-ou-consulting', 'en', $t$Support or Consulting: which desk?$t$,
   $t$One question is usually enough: is the request linked to an ongoing project?$t$,
   $t$## Support requests
For a malfunction of the standard software, a question about its use or a small evolution. Support is covered by your maintenance contract; small evolutions (Solva Flex) are counted against your Flex balance.

## Consulting requests
For anything linked to an ongoing project with our consultants: configuration, data migration, custom developments, training. These requests are billed on time spent and belong to a project of your company.

## When in doubt
Open a support request. If it belongs to Consulting, we transfer it ourselves and let you know.$t$),
  ('joindre-un-fichier-journal', 'fr', $t$Comment joindre une capture d'écran ou un fichier journal$t$,
   $t$Les bonnes pièces jointes font gagner des jours : lesquelles envoyer et comment.$t$,
   $t$Une capture d'écran du message d'erreur et le fichier journal du moment où il apparaît nous permettent souvent de trouver la cause sans aller-retour.

## Quoi joindre
- Une capture d'écran complète, message d'erreur visible.
- Le fichier journal (log) de l'application, au moment de l'erreur.
- Le document concerné (facture, export) si le problème porte sur son contenu.

## Comment joindre
Glissez les fichiers dans la zone prévue du formulaire, ou cliquez pour les choisir. Sont acceptés : PDF, images, archives ZIP, documents Office, messages e-mail et fichiers texte. Un fichier trop volumineux peut être compressé en ZIP.

## Confidentialité
Retirez les données personnelles qui ne sont pas utiles à l'analyse. Les pièces jointes ne sont visibles que par votre entreprise et notre Service clients.$t$),
  ('joindre-un-fichier-journal', 'de', $t$Wie Sie ein Bildschirmfoto oder eine Protokolldatei anhängen$t$,
   $t$Die richtigen Anhänge sparen Tage: welche Sie senden und wie.$t$,
   $t$Ein Bildschirmfoto der Fehlermeldung und die Protokolldatei (Log) aus dem Moment des Fehlers erlauben uns oft, die Ursache ohne Rückfragen zu finden.

## Was anhängen
- Ein vollständiges Bildschirmfoto mit sichtbarer Fehlermeldung.
- Die Protokolldatei der Anwendung zum Zeitpunkt des Fehlers.
- Das betroffene Dokument (Rechnung, Export), wenn das Problem seinen Inhalt betrifft.

## Wie anhängen
Ziehen Sie die Dateien in das vorgesehene Feld des Formulars oder klicken Sie, um sie auszuwählen. Zulässig sind PDF, Bilder, ZIP-Archive, Office-Dokumente, E-Mail-Nachrichten und Textdateien. Eine zu grosse Datei können Sie als ZIP komprimieren.

## Vertraulichkeit
Entfernen Sie Personendaten, die für die Analyse nicht nötig sind. Anhänge sehen nur Ihr Unternehmen und unser Kundendienst.$t$),
  ('joindre-un-fichier-journal', 'en', $t$How to attach a screenshot or a log file$t$,
   $t$The right attachments save days: which ones to send and how.$t$,
   $t$A screenshot of the error message and the log file from the moment it appears often let us find the cause without going back and forth.

## What to attach
- A full screenshot with the error message visible.
- The application's log file from the time of the error.
- The document concerned (invoice, export) if the problem is about its content.

## How to attach
Drag the files into the form's drop area, or click to choose them. Accepted: PDF, images, ZIP archives, Office documents, e-mail messages and text files. A file that is too large can be compressed as a ZIP.

## Confidentiality
Remove personal data the analysis does not need. Attachments are visible only to your company and our Customer Services.$t$)
  ) AS v(slug, language, title, summary, body)
  JOIN help_articles a ON a.slug = v.slug
ON CONFLICT (article_id, language) DO NOTHING;
