<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit: one TEI document (a "unit") → an HTML5 <article> fragment.

  Contract with teikit (src/teikit/render/), which an editor's own stylesheet must keep:
  * input: a TEI document; a FRUS-style volume has already been split so that the input
    holds the volume's teiHeader and one <div type="document">;
  * every footnote (a note that is not @place/@rend "inline") carries r:seq, its position
    among the notes of this document, numbered by teikit in one pass before the transform;
    the text right before a footnote has lost its XML layout whitespace (teikit glues the
    marker to the word before it, as the source prints it);
  * parameters: title, date (the document date as printed), doc-lang;
  * the page's <html lang> is the document's language (doc-lang); what the stylesheet writes
    itself (labels, headings, link texts) is English and marked lang="en";
  * output: one <article> element in no namespace.  teikit wraps it in the page template,
    removes anything that could carry script, and reports elements whose class starts with
    "tei-": those are the fallback for TEI elements this stylesheet has no rule for.
  XSLT 1.0 (libxslt); no preceding::/following:: axes: every rule is O(1) or O(subtree).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:r="urn:teikit:render"
    exclude-result-prefixes="tei r">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="title" select="''"/>
  <xsl:param name="date" select="''"/>
  <xsl:param name="doc-lang" select="''"/>

  <xsl:key name="person" match="tei:person[@xml:id]" use="@xml:id"/>

  <xsl:variable name="header" select="/*/tei:teiHeader"/>
  <xsl:variable name="fileDesc" select="$header/tei:fileDesc"/>
  <xsl:variable name="sourceBibl" select="($fileDesc/tei:sourceDesc/tei:bibl | $fileDesc/tei:sourceDesc/tei:p)[1]"/>

  <!-- TEI elements whose content is block-level: a fallback wrapper around them is a div -->
  <xsl:variable name="block-names"
      select="' p div ab sp lg l list table head castList castGroup castItem quote floatingText
              opener closer dateline salute signed trailer byline epigraph argument
              titlePage docTitle figure listBibl bibl note stage speaker item row '"/>

  <!-- ============================================================ page structure -->

  <xsl:template match="/">
    <article class="edition">
      <header class="doc-header">
        <h1><xsl:value-of select="$title"/></h1>
        <xsl:if test="$date != ''">
          <p class="doc-date"><xsl:value-of select="$date"/></p>
        </xsl:if>
      </header>
      <xsl:call-template name="metadata"/>
      <section class="text" aria-labelledby="text-heading">
        <h2 id="text-heading" lang="en">Text</h2>
        <xsl:apply-templates select="/*/tei:text"/>
      </section>
      <xsl:call-template name="notes"/>
      <xsl:call-template name="citation"/>
    </article>
  </xsl:template>

  <xsl:template name="metadata">
    <section class="metadata" aria-labelledby="about-heading" lang="en">
      <h2 id="about-heading">About this document</h2>
      <dl>
        <xsl:if test="$sourceBibl">
          <dt>Source</dt>
          <dd class="source-citation"><xsl:apply-templates select="$sourceBibl" mode="citation"/></dd>
        </xsl:if>
        <xsl:for-each select="$fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier">
          <dt>Archive</dt>
          <dd>
            <xsl:for-each select="*">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="normalize-space(.)"/>
            </xsl:for-each>
          </dd>
        </xsl:for-each>
        <xsl:for-each select="$fileDesc/tei:titleStmt/tei:respStmt">
          <dt><xsl:call-template name="capitalise">
            <xsl:with-param name="s" select="normalize-space(tei:resp)"/>
          </xsl:call-template></dt>
          <dd>
            <xsl:for-each select="tei:persName|tei:name|tei:orgName">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="normalize-space(.)"/>
            </xsl:for-each>
          </dd>
        </xsl:for-each>
        <xsl:variable name="origLang" select="($sourceBibl//tei:textLang
            | $header/tei:profileDesc/tei:langUsage/tei:language[@ident != $doc-lang])[1]"/>
        <xsl:if test="$origLang">
          <dt>Original language</dt>
          <dd><xsl:value-of select="normalize-space($origLang)"/></dd>
        </xsl:if>
        <xsl:for-each select="$fileDesc/tei:titleStmt/tei:funder">
          <dt>Funder</dt>
          <dd><xsl:value-of select="normalize-space(.)"/></dd>
        </xsl:for-each>
        <xsl:variable name="url" select="($sourceBibl//tei:idno[@type='URI' or @type='URL']
            | $sourceBibl//tei:ref/@target | $sourceBibl//tei:ptr/@target)[1]"/>
        <xsl:if test="$url">
          <dt>Source URL</dt>
          <dd><xsl:call-template name="link">
            <xsl:with-param name="href" select="normalize-space($url)"/>
            <xsl:with-param name="text" select="normalize-space($url)"/>
          </xsl:call-template></dd>
        </xsl:if>
        <xsl:for-each select="$header/tei:profileDesc/tei:textClass/tei:keywords[@n='classification']/tei:term">
          <dt>Classification</dt>
          <dd><xsl:value-of select="normalize-space(.)"/></dd>
        </xsl:for-each>
        <xsl:for-each select="$header/tei:profileDesc/tei:abstract">
          <dt>Summary</dt>
          <dd><xsl:value-of select="normalize-space(.)"/></dd>
        </xsl:for-each>
      </dl>
    </section>
  </xsl:template>

  <xsl:template name="citation">
    <xsl:variable name="publisher" select="normalize-space($fileDesc/tei:publicationStmt/tei:publisher[1])"/>
    <xsl:variable name="idno" select="normalize-space(($fileDesc/tei:publicationStmt/tei:idno
        | /*/@xml:id)[1])"/>
    <section class="cite" aria-labelledby="cite-heading" lang="en">
      <h2 id="cite-heading">How to cite this edition</h2>
      <p>“<xsl:value-of select="$title"/>”<xsl:if test="$date != ''">, <xsl:value-of select="$date"/></xsl:if>.
        <xsl:if test="$publisher != ''">Digital edition, <xsl:value-of select="$publisher"/>. </xsl:if>
        <xsl:if test="$idno != ''">Edition <xsl:value-of select="$idno"/>. </xsl:if>
        TEI P5 edition published with teikit.</p>
    </section>
  </xsl:template>

  <xsl:template name="notes">
    <xsl:variable name="notes" select="/*/tei:text//tei:note[@r:seq]"/>
    <xsl:if test="$notes">
      <section class="notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading" lang="en">Notes</h2>
        <ol class="notes">
          <xsl:for-each select="$notes">
            <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
            <li id="{$id}">
              <xsl:apply-templates select="@xml:lang" mode="lang"/>
              <span class="note-n"><xsl:call-template name="note-n"/>.</span>
              <xsl:text> </xsl:text>
              <xsl:apply-templates/>
              <xsl:text> </xsl:text>
              <a class="backref" href="#{$id}-ref" lang="en">Back to note <xsl:call-template name="note-n"/> in the text</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ shared helpers -->

  <!-- an element's language: applied to its @xml:lang, so that the many elements without
       one cost no template call (a named template was called for every element) -->
  <xsl:template match="@xml:lang" mode="lang">
    <xsl:attribute name="lang"><xsl:value-of select="."/></xsl:attribute>
  </xsl:template>

  <xsl:template name="note-id">
    <xsl:choose>
      <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
      <xsl:otherwise>note-<xsl:value-of select="@r:seq"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="note-n">
    <xsl:choose>
      <xsl:when test="normalize-space(@n) != ''"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@r:seq"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="capitalise">
    <xsl:param name="s"/>
    <xsl:value-of select="translate(substring($s, 1, 1), 'abcdefghijklmnopqrstuvwxyz',
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/><xsl:value-of select="substring($s, 2)"/>
  </xsl:template>

  <!-- A link only to web and mail addresses; anything else (javascript:, data:, relative
       paths that may not exist in the output) stays plain text. -->
  <xsl:template name="link">
    <xsl:param name="href"/>
    <xsl:param name="text"/>
    <xsl:variable name="lower" select="translate($href, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="starts-with($lower, 'https://') or starts-with($lower, 'http://')
                      or starts-with($lower, 'mailto:')">
        <a href="{$href}"><xsl:copy-of select="$text"/></a>
      </xsl:when>
      <xsl:otherwise><span class="ref"><xsl:copy-of select="$text"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>


  <!-- ============================================================ citation mode -->

  <xsl:template match="tei:textLang" mode="citation"/>
  <xsl:template match="tei:idno[@type='URI' or @type='URL']" mode="citation">
    <xsl:text> </xsl:text>
    <xsl:call-template name="link">
      <xsl:with-param name="href" select="normalize-space(.)"/>
      <xsl:with-param name="text" select="normalize-space(.)"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:ref[@target]|tei:ptr[@target]" mode="citation">
    <xsl:call-template name="link">
      <xsl:with-param name="href" select="normalize-space(@target)"/>
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="normalize-space(.) != ''"><xsl:value-of select="."/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@target"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:title" mode="citation"><cite><xsl:apply-templates mode="citation"/></cite></xsl:template>
  <xsl:template match="tei:availability|tei:note" mode="citation"/>
  <xsl:template match="tei:bibl|tei:p" mode="citation"><xsl:text> </xsl:text><xsl:apply-templates mode="citation"/></xsl:template>
  <xsl:template match="*" mode="citation"><xsl:apply-templates mode="citation"/></xsl:template>

  <!-- ============================================================ structure -->

  <xsl:template match="tei:text">
    <div class="text-body"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:front|tei:body|tei:back|tei:group">
    <div class="{local-name()}"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></div>
  </xsl:template>

  <!-- A division with a head is a section; one without stays a div (a section needs a
       heading). -->
  <xsl:template match="tei:div">
    <xsl:variable name="tag">
      <xsl:choose><xsl:when test="tei:head">section</xsl:when><xsl:otherwise>div</xsl:otherwise></xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class">div</xsl:attribute>
      <xsl:if test="@type"><xsl:attribute name="class">div div-<xsl:value-of select="@type"/></xsl:attribute></xsl:if>
      <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute></xsl:if>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- An embedded text (an enclosure) is set off as a text of its own. -->
  <xsl:template match="tei:floatingText">
    <div class="floatingText">
      <xsl:if test="@type"><xsl:attribute name="class">floatingText floatingText-<xsl:value-of select="@type"/></xsl:attribute></xsl:if>
      <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute></xsl:if>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- h1 is the page title and h2 the page's sections, so a division's head starts at h3;
       an embedded text's head is a heading at its division's level. -->
  <xsl:template match="tei:div/tei:head|tei:floatingText/tei:body/tei:head">
    <xsl:variable name="depth" select="count(ancestor::tei:div)"/>
    <xsl:variable name="level">
      <xsl:choose><xsl:when test="$depth &gt; 4">6</xsl:when><xsl:otherwise><xsl:value-of select="$depth + 2"/></xsl:otherwise></xsl:choose>
    </xsl:variable>
    <xsl:element name="h{$level}">
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:head">
    <p class="head"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:p|tei:ab">
    <xsl:choose>
      <xsl:when test="tei:list|tei:table|tei:lg|tei:l|tei:quote[tei:p|tei:lg]|tei:floatingText|tei:figure|tei:sp|tei:castList">
        <div class="p"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></div>
      </xsl:when>
      <xsl:otherwise><p><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ speech -->

  <xsl:template match="tei:sp">
    <div class="sp">
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <xsl:variable name="who" select="substring-after(substring-before(concat(normalize-space(../@who), ' '), ' '), '#')"/>
    <xsl:variable name="person" select="key('person', $who)[1]"/>
    <p class="speaker">
      <xsl:if test="$person/tei:persName">
        <xsl:attribute name="title"><xsl:value-of select="normalize-space($person/tei:persName[1])"/></xsl:attribute>
      </xsl:if>
      <b><xsl:apply-templates/></b>
    </p>
  </xsl:template>

  <xsl:template match="tei:stage[parent::tei:sp or parent::tei:div or parent::tei:body or parent::tei:lg
                       or parent::tei:front or parent::tei:back]">
    <p class="stage"><i><xsl:apply-templates/></i></p>
  </xsl:template>
  <xsl:template match="tei:stage"><i class="stage"><xsl:apply-templates/></i></xsl:template>
  <xsl:template match="tei:incident"><i class="incident"><xsl:apply-templates/></i></xsl:template>
  <xsl:template match="tei:incident/tei:desc"><xsl:apply-templates/></xsl:template>

  <xsl:template match="tei:lg"><div class="lg"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></div></xsl:template>
  <xsl:template match="tei:l"><div class="l"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></div></xsl:template>

  <!-- ============================================================ letters, FRUS -->

  <xsl:template match="tei:opener|tei:closer|tei:postscript|tei:argument|tei:titlePage|tei:castList|tei:castGroup|tei:set|tei:docImprint|tei:spGrp|tei:performance|tei:cit[tei:quote[tei:p|tei:lg|tei:l]]">
    <div class="{translate(local-name(), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')}">
      <xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/>
    </div>
  </xsl:template>
  <xsl:template match="tei:dateline|tei:salute|tei:signed|tei:trailer|tei:byline|tei:docTitle|tei:titlePart|tei:docAuthor|tei:docDate|tei:docEdition|tei:castItem">
    <p class="{translate(local-name(), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')}">
      <xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/>
    </p>
  </xsl:template>
  <xsl:template match="tei:epigraph|tei:quote[tei:p|tei:lg|tei:l]">
    <blockquote><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></blockquote>
  </xsl:template>

  <!-- ============================================================ lists, tables -->

  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:head"/>
    <ul class="list">
      <xsl:if test="@type"><xsl:attribute name="class">list list-<xsl:value-of select="@type"/></xsl:attribute></xsl:if>
      <xsl:apply-templates select="tei:item"/>
    </ul>
  </xsl:template>
  <xsl:template match="tei:item">
    <li>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:for-each select="preceding-sibling::*[1]/self::tei:label">
        <span class="label"><xsl:apply-templates/></span><xsl:text> </xsl:text>
      </xsl:for-each>
      <xsl:apply-templates/>
    </li>
  </xsl:template>
  <xsl:template match="tei:label"><span class="label"><xsl:apply-templates/></span></xsl:template>

  <xsl:template match="tei:table">
    <table>
      <xsl:if test="tei:head"><caption><xsl:apply-templates select="tei:head/node()"/></caption></xsl:if>
      <tbody><xsl:apply-templates select="tei:row"/></tbody>
    </table>
  </xsl:template>
  <xsl:template match="tei:row"><tr><xsl:apply-templates select="tei:cell"/></tr></xsl:template>
  <xsl:template match="tei:cell[@role='label']"><th scope="row"><xsl:apply-templates/></th></xsl:template>
  <xsl:template match="tei:cell"><td><xsl:apply-templates/></td></xsl:template>

  <xsl:template match="tei:figure"><figure><xsl:apply-templates select="*[not(self::tei:graphic)]"/></figure></xsl:template>
  <xsl:template match="tei:figure/tei:head|tei:figDesc"><figcaption><xsl:apply-templates/></figcaption></xsl:template>

  <!-- ============================================================ notes, page breaks -->

  <xsl:template match="tei:note[@r:seq]" priority="2">
    <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
    <xsl:variable name="n"><xsl:call-template name="note-n"/></xsl:variable>
    <a class="noteref" href="#{$id}" id="{$id}-ref" aria-label="Note {$n}"><sup><xsl:value-of select="$n"/></sup></a>
  </xsl:template>
  <xsl:template match="tei:note[parent::tei:div or parent::tei:body or parent::tei:sp]">
    <p class="note-inline"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:note">
    <span class="note-inline"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:pb[normalize-space(@n) != '']">
    <xsl:variable name="n" select="translate(normalize-space(@n), ' ', '_')"/>
    <a class="pb" id="page-{$n}" href="#page-{$n}">[Page <xsl:value-of select="normalize-space(@n)"/>]</a>
  </xsl:template>
  <xsl:template match="tei:pb"/>
  <xsl:template match="tei:lb"><br/></xsl:template>
  <xsl:template match="tei:cb|tei:milestone|tei:anchor|tei:graphic"/>

  <!-- ============================================================ editorial marks -->

  <xsl:template match="tei:gap">
    <span class="gap">
      <xsl:attribute name="title">
        <xsl:choose>
          <xsl:when test="@reason = 'omitted'">Omitted in the source</xsl:when>
          <xsl:when test="@reason = 'not-declassified'">Not declassified</xsl:when>
          <xsl:when test="@reason">Text left out (<xsl:value-of select="@reason"/>)</xsl:when>
          <xsl:otherwise>Text left out</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@extent">: <xsl:value-of select="@extent"/></xsl:if>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="@rend"><xsl:value-of select="@rend"/></xsl:when>
        <xsl:when test="tei:desc">[<xsl:value-of select="normalize-space(tei:desc)"/>]</xsl:when>
        <xsl:otherwise>[…]</xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <span class="supplied" title="Supplied by the editors">[<xsl:apply-templates/>]</span>
  </xsl:template>
  <xsl:template match="tei:unclear">
    <span class="unclear" title="Unclear in the source"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:del"><del><xsl:apply-templates/></del></xsl:template>
  <xsl:template match="tei:add"><ins><xsl:apply-templates/></ins></xsl:template>
  <xsl:template match="tei:choice">
    <xsl:apply-templates select="(tei:corr|tei:reg|tei:expan|tei:sic|tei:orig|tei:abbr)[1]"/>
  </xsl:template>
  <xsl:template match="tei:sic|tei:corr|tei:reg|tei:orig|tei:expan"><xsl:apply-templates/></xsl:template>

  <xsl:template match="tei:seg[@type='original-term']">
    <span class="original-term" title="Original-language term added by the translator">[<xsl:apply-templates/>]</span>
  </xsl:template>
  <xsl:template match="tei:seg">
    <span class="seg"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:foreign">
    <i class="foreign">
      <xsl:if test="@xml:lang">
        <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
        <xsl:attribute name="title">Language: <xsl:value-of select="@xml:lang"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </i>
  </xsl:template>

  <!-- ============================================================ phrases -->

  <xsl:template match="tei:hi">
    <xsl:variable name="rend" select="concat(' ', normalize-space(@rend), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($rend, ' italic ') or contains($rend, ' i ')"><i><xsl:apply-templates/></i></xsl:when>
      <xsl:when test="contains($rend, ' bold ') or contains($rend, ' b ')"><b><xsl:apply-templates/></b></xsl:when>
      <xsl:when test="contains($rend, ' sup') or contains($rend, ' superscript ')"><sup><xsl:apply-templates/></sup></xsl:when>
      <xsl:when test="contains($rend, ' sub') or contains($rend, ' subscript ')"><sub><xsl:apply-templates/></sub></xsl:when>
      <xsl:when test="contains($rend, ' underline ')"><u><xsl:apply-templates/></u></xsl:when>
      <xsl:otherwise><span class="hi {normalize-space(@rend)}"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:emph"><em><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="tei:title"><cite><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></cite></xsl:template>
  <xsl:template match="tei:q|tei:quote|tei:said|tei:soCalled|tei:mentioned">
    <q class="{local-name()}"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></q>
  </xsl:template>
  <xsl:template match="tei:gloss|tei:term|tei:abbr|tei:cit|tei:actor">
    <span class="{local-name()}"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:persName|tei:placeName|tei:orgName|tei:geogName|tei:name|tei:rs|tei:roleName|tei:forename|tei:surname|tei:role|tei:roleDesc|tei:bibl|tei:biblScope|tei:author|tei:editor|tei:publisher|tei:pubPlace|tei:idno|tei:num|tei:measure|tei:time|tei:desc|tei:address|tei:addrLine|tei:country|tei:settlement|tei:region|tei:ident|tei:code">
    <span class="{translate(local-name(), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')}">
      <xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:date">
    <xsl:variable name="shape" select="translate(@when, '0123456789', '##########')"/>
    <xsl:choose>
      <xsl:when test="$shape = '####' or $shape = '####-##' or $shape = '####-##-##'">
        <time datetime="{@when}"><xsl:apply-templates/></time>
      </xsl:when>
      <xsl:otherwise><span class="date"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ref|tei:ptr">
    <xsl:call-template name="link">
      <xsl:with-param name="href" select="normalize-space(@target)"/>
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="node()"><xsl:apply-templates/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@target"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ fallback -->

  <!-- An element without a rule keeps its text, inside an element whose class names it;
       teikit reports these names.  Block-level content needs a div, text a span. -->
  <xsl:template match="*">
    <xsl:variable name="block" select="*[contains($block-names, concat(' ', local-name(), ' '))]"/>
    <xsl:variable name="tag">
      <xsl:choose><xsl:when test="$block">div</xsl:when><xsl:otherwise>span</xsl:otherwise></xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class">tei-<xsl:value-of select="local-name()"/></xsl:attribute>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:teiHeader|tei:standOff|tei:fw|comment()|processing-instruction()"/>
</xsl:stylesheet>
